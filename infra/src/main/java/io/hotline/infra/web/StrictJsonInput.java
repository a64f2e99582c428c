package io.hotline.infra.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The web reads JSON strictly, so what the caller meant is never guessed (the storage mapper stays lenient, for
 * old events): a request is read as exactly one JSON value ({@code {...} {...}} is refused), a key given twice is
 * refused, an enum is only ever its name ({@code 0}, {@code "0"} and {@code ""} are not enum values), and no
 * value changes type on the way in ({@code 123} is not a text, {@code "3"} not a number, {@code "true"} not a
 * yes/no), and no text holds control characters ({@link TextWithoutControls}). Unknown fields are refused by
 * {@code spring.jackson.deserialization.fail-on-unknown-properties}.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonInput {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictJsonReading() {
        return builder -> builder
                .featuresToEnable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                        JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .deserializerByType(String.class, new TextWithoutControls())
                .featuresToDisable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .postConfigurer(mapper -> {
                    mapper.coercionConfigFor(LogicalType.Textual)
                            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
                    mapper.coercionConfigFor(LogicalType.Enum)
                            .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
                });
    }
}
