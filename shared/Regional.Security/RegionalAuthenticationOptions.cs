namespace Regional.Security;

/// <summary>Bound from the <c>Authentication</c> configuration section.</summary>
public sealed class RegionalAuthenticationOptions
{
    public const string SectionName = "Authentication";

    public static IReadOnlyList<string> DefaultAlgorithms { get; } = ["RS256", "ES256"];

    /// <summary>The token issuer; its discovery document is at <c>{Authority}/.well-known/openid-configuration</c>.</summary>
    public string Authority { get; set; } = "";

    /// <summary>Only when discovery must be fetched from another address than the issuer's, e.g. inside a container network.</summary>
    public string? MetadataAddress { get; set; }

    public string Audience { get; set; } = "regional";

    /// <summary>False only for development and tests on loopback.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Trust a token already validated again without checking its signature, until it expires or
    /// for at most five minutes. Off only to measure what that saves (the gateway benchmark).
    /// </summary>
    public bool CacheValidatedTokens { get; set; } = true;

    /// <summary>Empty means <see cref="DefaultAlgorithms"/>. A list, not an array with defaults, because binding appends to arrays.</summary>
    public List<string> ValidAlgorithms { get; set; } = [];

    internal IReadOnlyList<string> EffectiveAlgorithms => ValidAlgorithms.Count == 0 ? DefaultAlgorithms : ValidAlgorithms;
}
