package io.hotline.query.open311;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** The attributes a service needs ({@code GET /services/{service_code}}), sent back as {@code attribute[code]}. */
record ServiceDefinition(String serviceCode, List<Attribute> attributes) {

    /**
     * One attribute: what it is for, its type, whether it is required, and for a list its values ({@code values}
     * is left out for the others: the schema allows a list there, not null).
     */
    record Attribute(boolean variable, String code, String datatype, boolean required, String datatypeDescription,
                     int order, String description, @JsonInclude(JsonInclude.Include.NON_NULL) List<Value> values) {
    }

    /** One choice of a list attribute. */
    record Value(String key, String name) {
    }
}
