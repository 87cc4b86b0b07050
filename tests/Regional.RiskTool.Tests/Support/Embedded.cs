using System.Text.Json.Nodes;

namespace Regional.RiskTool.Tests.Support;

/// <summary>The shipped JSON, read back from the library's resources so tests can break a copy of it.</summary>
internal static class Embedded
{
    public static JsonObject Json(string fileName)
    {
        using var stream = typeof(RiskToolCatalog).Assembly.GetManifestResourceStream($"Definitions/{fileName}")
            ?? throw new InvalidOperationException($"No embedded resource Definitions/{fileName}");
        return JsonNode.Parse(stream)!.AsObject();
    }

    public static RiskToolCatalog Load(JsonObject definition2019, JsonObject definition2021, JsonObject mapping) =>
        RiskToolCatalog.Load(
            [new("em-cre-2019.1.json", definition2019.ToJsonString()), new("em-cre-2021.1.json", definition2021.ToJsonString())],
            [new("em-cre-2019.1-to-em-cre-2021.1.json", mapping.ToJsonString())]);

    public static JsonObject Definition2019 => Json("em-cre-2019.1.json");

    public static JsonObject Definition2021 => Json("em-cre-2021.1.json");

    public static JsonObject Mapping => Json("em-cre-2019.1-to-em-cre-2021.1.json");
}
