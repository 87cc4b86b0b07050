namespace Regional.Security;

public static class RegionalAuthenticationDefaults
{
    public const string AuthenticationScheme = "Bearer";

    /// <summary>
    /// Named <see cref="System.Net.Http.HttpClient"/> that fetches discovery and JWKS; a host
    /// may configure it, e.g. to reach an issuer running in the same process.
    /// </summary>
    public const string DiscoveryHttpClientName = "Regional.Security.Discovery";
}
