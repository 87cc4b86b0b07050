using System.Text.Json;
using System.Text.Json.Serialization;

namespace Regional.RiskTool;

/// <summary>
/// Reads definition and mapping JSON strictly: a misspelt or missing field is an error, not a
/// silent default, because a silently missing rule would change children's risk levels.
/// </summary>
internal static class DefinitionReader
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
    };

    public static DefinitionDocument? ReadDefinition(RiskToolSource source, List<string> problems) => Read<DefinitionDocument>(source, problems);

    public static VersionMapping? ReadMapping(RiskToolSource source, List<string> problems) => Read<VersionMapping>(source, problems);

    private static T? Read<T>(RiskToolSource source, List<string> problems) where T : class
    {
        try
        {
            var value = JsonSerializer.Deserialize<T>(source.Json, Options);
            if (value is null)
            {
                problems.Add($"{source.Name}: the document is empty (null).");
            }

            return value;
        }
        catch (JsonException e)
        {
            problems.Add($"{source.Name}: {e.Message}");
            return null;
        }
    }
}

/// <summary>The JSON shape of a definition; the catalog turns it into a checked <see cref="RiskToolDefinition"/>.</summary>
internal sealed record DefinitionDocument(
    string Version,
    string Title,
    DateOnly Published,
    string Description,
    IReadOnlyList<Indicator> Indicators,
    IReadOnlyList<CodedItem> VulnerabilityFactors,
    IReadOnlyList<CodedItem> Models,
    IReadOnlyList<CodedItem> ExploitationTypes,
    ScoringRules Scoring)
{
    public RiskToolDefinition ToDefinition() =>
        new(Version, Title, Published, Description, Indicators, VulnerabilityFactors, Models, ExploitationTypes, Scoring);
}
