package io.hotline.infra.web;

import org.springframework.validation.FieldError;

import java.util.Locale;
import java.util.Map;

/**
 * The reasons a field is refused, in the language of the request ({@code Accept-Language}, which the console sets to
 * the language the person chose): a refusal reaches an operator as 「不能为空」, not as "must not be blank". Each
 * error also carries its {@code rule} (the constraint's name) and its limits, so any client can word it itself.
 * English is the default; Chinese is the other language the console speaks.
 */
final class LocalizedReasons {

    /** The project's own constraint messages, word for word, and what they say in Chinese. */
    private static final Map<String, String> CHINESE = Map.ofEntries(
            Map.entry("must be a unit code (A-Z, 0-9, -; 2 to 32 characters)", "须为单位代码（大写字母、数字或 -，2 至 32 位）"),
            Map.entry("letters, digits and . _ : - only", "只能包含字母、数字和 . _ : -"),
            Map.entry("letters, digits and . _ : / - only, at most 64", "只能包含字母、数字和 . _ : / -，最多 64 位"),
            Map.entry("letters, digits, spaces and . _ ( ) - only", "只能包含字母、数字、空格和 . _ ( ) -"),
            Map.entry("must be 2 to 32 capital letters, digits or '-'", "须为 2 至 32 位大写字母、数字或 -"),
            Map.entry("must be 2 to 64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit",
                    "须为 2 至 64 位小写字母、数字、.、_ 或 -，以字母或数字开头"),
            Map.entry("must be a 6-digit administrative division code", "须为 6 位行政区划代码"),
            Map.entry("must be a case id", "须为工单编号"),
            Map.entry("must be a phone number", "须为电话号码"),
            Map.entry("must be a user name", "须为用户名"),
            Map.entry("must be an 18-character resident ID number", "须为 18 位居民身份证号码"),
            Map.entry("must be an area code of 1 to 6 digits", "须为 1 至 6 位区划代码"),
            Map.entry("must be the six letters and digits of the query code", "须为 6 位字母或数字的查询码"),
            Map.entry(ControlCharacters.REASON, "不能包含控制字符"),
            Map.entry("unknown field", "未知字段"),
            Map.entry("cannot be read", "无法识别"),
            Map.entry("a JSON body is required", "须提交 JSON 请求体"));

    private LocalizedReasons() {
    }

    static boolean chinese(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage());
    }

    /** A field error's reason: the constraint's own words for the standard ones, the project's message otherwise. */
    static String reason(FieldError error, Locale locale) {
        String english = String.valueOf(error.getDefaultMessage());
        if (!chinese(locale)) {
            return english;
        }
        String custom = CHINESE.get(english);
        if (custom != null) {
            return custom;
        }
        Object[] arguments = error.getArguments();
        return switch (String.valueOf(error.getCode())) {
            case "NotBlank", "NotNull" -> "不能为空";
            case "NotEmpty" -> "至少填写一项";
            // Spring passes a constraint's attributes after the field, in the alphabetical order of their names
            case "Size" -> "长度须在 " + argument(arguments, 2) + " 到 " + argument(arguments, 1) + " 之间";
            case "Min", "DecimalMin" -> "不能小于 " + argument(arguments, 1);
            case "Max", "DecimalMax" -> "不能大于 " + argument(arguments, 1);
            case "Email" -> "须为电子邮件地址";
            case "Pattern" -> "格式不正确";
            case "Positive" -> "须大于 0";
            case "PositiveOrZero" -> "不能小于 0";
            default -> "填写有误";
        };
    }

    /** A reason the web edge wrote itself (a type or a format), in the request's language. */
    static String reason(String english, Locale locale) {
        if (!chinese(locale)) {
            return english;
        }
        if (english.startsWith("must be one of ")) {
            return "须为以下之一：" + english.substring("must be one of ".length());
        }
        if (english.startsWith("must be of type ") || english.startsWith("must be a ")) {
            return CHINESE.getOrDefault(english, "类型不正确");
        }
        return CHINESE.getOrDefault(english, english);
    }

    /** The problem's detail naming the fields. */
    static String invalidFields(String fields, Locale locale) {
        return chinese(locale) ? "以下字段填写有误：" + fields : "Invalid fields: " + fields;
    }

    /** The constraint's limits worth a client's own wording, by name. */
    static Map<String, String> limits(FieldError error) {
        Object[] arguments = error.getArguments();
        return switch (String.valueOf(error.getCode())) {
            case "Size" -> Map.of("min", argument(arguments, 2), "max", argument(arguments, 1));
            case "Min", "Max", "DecimalMin", "DecimalMax" -> Map.of("value", argument(arguments, 1));
            default -> Map.of();
        };
    }

    private static String argument(Object[] arguments, int index) {
        return arguments == null || arguments.length <= index ? "?" : String.valueOf(arguments[index]);
    }
}
