namespace Regional.RiskTool;

/// <summary>
/// Loads the JSON files compiled into this assembly. A file named <c>a-to-b.json</c> is a
/// mapping; any other is a definition.
/// </summary>
internal static class EmbeddedDefinitions
{
    private const string Prefix = "Definitions/";

    public static RiskToolCatalog Load()
    {
        var assembly = typeof(EmbeddedDefinitions).Assembly;
        var sources = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                return new RiskToolSource(n[Prefix.Length..], reader.ReadToEnd());
            })
            .ToList();

        var mappings = sources.Where(IsMapping).ToList();
        return RiskToolCatalog.Load(sources.Except(mappings), mappings);
    }

    private static bool IsMapping(RiskToolSource source) => source.Name.Contains("-to-", StringComparison.Ordinal);
}
