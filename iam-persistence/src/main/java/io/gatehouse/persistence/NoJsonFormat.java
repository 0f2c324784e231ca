package io.gatehouse.persistence;

import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.format.FormatMapper;

/**
 * Hibernate's JSON format mapper for this unit: none. No attribute is JSON-typed (audit parameters
 * are text written by {@link ParameterJson}), and naming this class stops Hibernate from looking
 * for a JSON-B provider at start-up — one that exists only when the server enables JSON-B.
 */
public final class NoJsonFormat implements FormatMapper {

    @Override
    public <T> T fromString(CharSequence charSequence, JavaType<T> javaType, WrapperOptions wrapperOptions) {
        throw new UnsupportedOperationException("The gatehouse unit maps no JSON-typed attribute");
    }

    @Override
    public <T> String toString(T value, JavaType<T> javaType, WrapperOptions wrapperOptions) {
        throw new UnsupportedOperationException("The gatehouse unit maps no JSON-typed attribute");
    }
}
