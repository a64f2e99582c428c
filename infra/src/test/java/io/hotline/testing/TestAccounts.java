package io.hotline.testing;

import io.hotline.kernel.common.Role;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * Signed-in clients for integration tests running the whole app in local sign-in mode.
 *
 * <pre>{@code
 * @SpringBootTest(webEnvironment = RANDOM_PORT)
 * class SomethingTest {
 *     @DynamicPropertySource
 *     static void properties(DynamicPropertyRegistry registry) {
 *         registry.add("app.data-dir", ...);
 *         TestAccounts.configure(registry);          // the first admin gets TestAccounts.ADMIN_PASSWORD
 *     }
 *     @Autowired ApplicationContext context;
 *
 *     @Test void something() {
 *         WebTestClient operator = TestAccounts.client(context, "op-li", "HOTLINE", Role.OPERATOR);
 *         WebTestClient handler = TestAccounts.client(context, "water-wang", "WATER", Role.UNIT_HANDLER);
 *         ...
 *     }
 * }
 * }</pre>
 *
 * The account is created through the admin API with the password {@link #passwordFor(String)}; asking again for
 * the same user name reuses the existing account (its unit and roles stay as first created).
 */
public final class TestAccounts {

    /** The first administrator's password in tests that call {@link #configure}. */
    public static final String ADMIN_PASSWORD = "test-admin-password-0001";
    public static final String ADMIN = "admin";

    private static final String ADMIN_PASSWORD_PROPERTY = "app.security.admin-password";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private TestAccounts() {
    }

    /** Sets the first administrator's password to {@link #ADMIN_PASSWORD} (and local sign-in mode). */
    public static void configure(DynamicPropertyRegistry registry) {
        registry.add(ADMIN_PASSWORD_PROPERTY, () -> ADMIN_PASSWORD);
        registry.add("app.security.mode", () -> "local");
    }

    /** The password every test account gets: derived from the user name, long enough for the rules. */
    public static String passwordFor(String username) {
        return "pw-" + username + "-for-tests";
    }

    /** A client signed in as a (new or existing) account with these roles, acting for {@code unit}. */
    public static WebTestClient client(ApplicationContext context, String username, String unit, Role... roles) {
        return client(context, username, unit, Set.of(), roles);
    }

    /** The same, for an account that may stand in (AB角) for {@code standInFor}; send {@code X-Standing-In-For}. */
    public static WebTestClient client(ApplicationContext context, String username, String unit,
                                       Set<String> standInFor, Role... roles) {
        create(admin(context), username, unit, standInFor, roles);
        return signedIn(context, username, passwordFor(username));
    }

    /** A client signed in as the first administrator, whose password the context's properties set. */
    public static WebTestClient admin(ApplicationContext context) {
        String password = context.getEnvironment().getProperty(ADMIN_PASSWORD_PROPERTY);
        if (password == null || password.isBlank()) {
            throw new IllegalStateException("no " + ADMIN_PASSWORD_PROPERTY + " in this test: call "
                    + "TestAccounts.configure(registry) from a @DynamicPropertySource method");
        }
        return signedIn(context, ADMIN, password);
    }

    /** A client with no credentials, against the running app. */
    public static WebTestClient anonymous(ApplicationContext context) {
        String port = context.getEnvironment().getProperty("local.server.port");
        WebTestClient.Builder builder = port == null
                ? WebTestClient.bindToApplicationContext(context).configureClient()
                : WebTestClient.bindToServer().baseUrl("http://localhost:" + port);
        return builder.responseTimeout(PATIENCE).build();
    }

    /** A client sending HTTP Basic credentials with every request. */
    public static WebTestClient signedIn(ApplicationContext context, String username, String password) {
        return anonymous(context).mutate()
                .defaultHeaders(headers -> headers.setBasicAuth(username, password))
                .build();
    }

    private static void create(WebTestClient admin, String username, String unit, Set<String> standInFor,
                               Role... roles) {
        var status = admin.post().uri("/api/v1/admin/accounts")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", passwordFor(username), "unit", unit,
                        "roles", Arrays.asList(roles), "standInFor", standInFor))
                .exchange()
                .returnResult(String.class);
        HttpStatus answer = HttpStatus.valueOf(status.getStatus().value());
        if (answer != HttpStatus.CREATED && answer != HttpStatus.CONFLICT) {
            throw new IllegalStateException("could not create the test account " + username + ": " + answer + " "
                    + status.getResponseBody().blockFirst(PATIENCE));
        }
    }
}
