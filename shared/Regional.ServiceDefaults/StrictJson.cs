using System.Text.Json;
using System.Text.Json.Serialization;

namespace Regional.ServiceDefaults;

/// <summary>
/// How every service reads a request body: strictly. A case system that sends a member we do not
/// know has misspelt or misplaced a field, and silently dropping it would record something other
/// than what the practitioner entered; a member sent twice is read differently by different JSON
/// readers (first wins, last wins), so which value was meant cannot be known. Both are refused as
/// a 400 naming the member (issue 11).
/// </summary>
public static class StrictJson
{
    public static void Apply(JsonSerializerOptions options)
    {
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.AllowDuplicateProperties = false;
        options.Converters.Add(new NoControlCharacters());
    }

    /// <summary>
    /// Strings without control characters (tab, line feed and carriage return aside): none belongs in
    /// a case record, a NUL cannot be stored in a PostgreSQL text column at all (a 500 before this),
    /// and the others hide text from the person reading the record.
    /// </summary>
    private sealed class NoControlCharacters : JsonConverter<string>
    {
        public override bool HandleNull => false;

        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new JsonException("Expected a string.");
            }

            var value = reader.GetString();
            if (value is not null && value.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r')))
            {
                throw new JsonException("A string holds a control character.");
            }

            return value;
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }
}
