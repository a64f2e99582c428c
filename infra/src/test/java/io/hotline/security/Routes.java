package io.hotline.security;

import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.support.RouterFunctionMapping;
import org.springframework.web.reactive.result.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The routes a running app answers: every request mapping (controllers, the API description, the actuator) and
 * every router function. The role matrix is compared with these, so a route cannot be added without a row.
 */
final class Routes {

    private Routes() {
    }

    static List<Route> of(ApplicationContext context) {
        List<Route> routes = new ArrayList<>();
        for (RequestMappingInfoHandlerMapping mapping
                : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            mapping.getHandlerMethods().keySet().forEach(info -> {
                Set<HttpMethod> methods = info.getMethodsCondition().getMethods().stream()
                        .map(RequestMethod::asHttpMethod).collect(Collectors.toSet());
                info.getPatternsCondition().getPatterns()
                        .forEach(pattern -> routes.add(new Route(methods, pattern)));
            });
        }
        for (RouterFunctionMapping mapping : context.getBeansOfType(RouterFunctionMapping.class).values()) {
            if (mapping.getRouterFunction() != null) {
                mapping.getRouterFunction().accept(new FunctionRoutes(routes));
            }
        }
        return routes;
    }

    /** One route: the methods it answers (none named: any) and its path pattern. */
    record Route(Set<HttpMethod> methods, PathPattern pattern) {

        boolean matches(HttpMethod method, String path) {
            return (methods.isEmpty() || methods.contains(method)) && pattern.matches(PathContainer.parsePath(path));
        }

        @Override
        public String toString() {
            return (methods.isEmpty() ? "ANY" : methods.toString()) + " " + pattern.getPatternString();
        }
    }

    /** Collects a router function's predicates: each (method and path) pair one route, across "or". */
    private static final class FunctionRoutes implements RouterFunctions.Visitor {

        private final List<Route> routes;

        FunctionRoutes(List<Route> routes) {
            this.routes = routes;
        }

        @Override
        public void route(RequestPredicate predicate, HandlerFunction<?> handlerFunction) {
            Alternatives alternatives = new Alternatives();
            predicate.accept(alternatives);
            routes.addAll(alternatives.finish());
        }

        @Override
        public void startNested(RequestPredicate predicate) {
        }

        @Override
        public void endNested(RequestPredicate predicate) {
        }

        @Override
        public void resources(Function<ServerRequest, Mono<Resource>> lookup) {
        }

        @Override
        public void attributes(Map<String, Object> attributes) {
        }

        @Override
        public void unknown(RouterFunction<?> routerFunction) {
        }
    }

    /** Reads a predicate such as {@code (GET && /) || (GET && /login)} into its alternatives. */
    private static final class Alternatives implements RequestPredicates.Visitor {

        private final List<Route> done = new ArrayList<>();
        private Set<HttpMethod> methods = Set.of();
        private String path;

        @Override
        public void method(Set<HttpMethod> methods) {
            this.methods = methods;
        }

        @Override
        public void path(String pattern) {
            this.path = pattern;
        }

        @Override
        public void pathExtension(String extension) {
        }

        @Override
        public void header(String name, String value) {
        }

        @Override
        public void queryParam(String name, String value) {
        }

        @Override
        public void startAnd() {
        }

        @Override
        public void and() {
        }

        @Override
        public void endAnd() {
        }

        @Override
        public void startOr() {
        }

        @Override
        public void or() {
            flush();
        }

        @Override
        public void endOr() {
            flush();
        }

        @Override
        public void startNegate() {
        }

        @Override
        public void endNegate() {
        }

        @Override
        public void unknown(RequestPredicate predicate) {
        }

        private void flush() {
            if (path != null) {
                done.add(new Route(methods, PathPatternParser.defaultInstance.parse(path)));
            }
            methods = Set.of();
            path = null;
        }

        List<Route> finish() {
            flush();
            return done;
        }
    }
}
