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
import java.time.Duration;
import java.util.Properties;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/**
 * The web console is plain files under {@code static/} (served at {@code /}, {@code /index.html},
 * {@code /assets/**}). This adds the two things Spring Boot does not do by itself: {@code GET /login}, where the
 * security edge sends a browser that is not signed in, answers the console's page (which shows its sign-in form);
 * and ECharts, from its Maven Central jar, is served like a WebJar at {@code /webjars/echarts/dist/…} whatever its
 * version, so upgrading it is a change of the pom alone.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleWeb implements WebFluxConfigurer {

    private static final Resource INDEX = new ClassPathResource("static/index.html");
    private static final Resource ECHARTS_POM = new ClassPathResource("META-INF/maven/org.mvnpm/echarts/pom.properties");

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/webjars/echarts/**")
                .addResourceLocations(echartsFolder())
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic());
    }

    @Bean
    RouterFunction<ServerResponse> consoleSignInPage() {
        return route(GET("/login"), request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(INDEX));
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
