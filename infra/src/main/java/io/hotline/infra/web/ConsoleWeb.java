package io.hotline.infra.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.stream.Collectors;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/**
 * The web console is plain files under {@code static/}. Its page ({@code /}, {@code /index.html}, and
 * {@code /login}, where the security edge sends a browser that is not signed in) is answered from memory with the
 * asset URLs of this release ({@link ConsoleAssets}: fingerprinted, kept a year by the browser) and every module
 * preloaded, so a navigation fetches the page and its data, not twenty modules one import level after another.
 * ECharts, from its Maven Central jar, is served like a WebJar at {@code /webjars/echarts/dist/…} whatever its
 * version, so upgrading it is a change of the pom alone.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleWeb implements WebFluxConfigurer {

    private static final Resource INDEX = new ClassPathResource("static/index.html");
    /** The citizens' public tracking page (查询/评价), served the same way without the console's modules. */
    private static final Resource TRACK = new ClassPathResource("static/track.html");
    private static final Duration A_YEAR = Duration.ofDays(365);
    private static final Resource ECHARTS_POM = new ClassPathResource("META-INF/maven/org.mvnpm/echarts/pom.properties");

    private final ConsoleAssets assets = ConsoleAssets.scan();
    private final String page = page(assets);
    private final String trackPage = read(TRACK).replace("=\"/assets/", "=\"" + assets.prefix + "/");

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler(assets.prefix + "/**")
                .addResourceLocations("classpath:/static/assets/")
                .setCacheControl(CacheControl.maxAge(A_YEAR).cachePublic().immutable());
        registry.addResourceHandler("/webjars/echarts/**")
                .addResourceLocations(echartsFolder())
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic());
    }

    @Bean
    RouterFunction<ServerResponse> consolePage() {
        return route(GET("/").or(GET("/index.html")).or(GET("/login")), request -> ServerResponse.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noCache())
                .bodyValue(page));
    }

    @Bean
    RouterFunction<ServerResponse> trackingPage() {
        return route(GET("/track"), request -> ServerResponse.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noCache())
                .bodyValue(trackPage));
    }

    /** index.html with this release's asset URLs and a preload of every module (fetched at once, not by import level). */
    private static String page(ConsoleAssets assets) {
        String html = read(INDEX);
        String preloads = assets.modules.stream()
                .map(module -> "<link rel=\"modulepreload\" href=\"" + assets.prefix + "/" + module + "\">")
                .collect(Collectors.joining("\n    ", "", "\n    "));
        return html.replace("=\"/assets/", "=\"" + assets.prefix + "/")
                .replace("<script type=\"module\"", preloads + "<script type=\"module\"");
    }

    private static String read(Resource page) {
        try (InputStream in = page.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("a page of the console is missing from the classpath: " + page, e);
        }
    }

    /** The folder of the ECharts release on the classpath, named by the version its jar records. */
    private static String echartsFolder() {
        Properties pom = new Properties();
        try (InputStream in = ECHARTS_POM.getInputStream()) {
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("ECharts is missing from the classpath: " + ECHARTS_POM, e);
        }
        return "classpath:/META-INF/resources/_static/echarts/" + pom.getProperty("version") + "/";
    }
}
