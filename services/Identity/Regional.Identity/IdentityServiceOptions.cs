namespace Regional.Identity;

/// <summary>Bound from the <c>Identity</c> configuration section.</summary>
public sealed class IdentityServiceOptions
{
    public const string SectionName = "Identity";

    /// <summary>The public base URL of this service; also the <c>iss</c> claim.</summary>
    public string Issuer { get; set; } = "";

    public string Audience { get; set; } = "regional";

    /// <summary>Lifetime of access tokens (and of identity tokens).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Lifetime of a refresh token; each use returns a new one with a fresh lifetime.</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>PEM file holding the RSA private key tokens are signed with; empty generates a key at start (development).</summary>
    public string? SigningKeyPath { get; set; }

    /// <summary>
    /// PEM files of keys that signed tokens before the current one: published in the JWKS, and
    /// accepted for this service's own codes and refresh tokens, but never used to sign.
    /// Remove one once every token it signed has expired.
    /// </summary>
    public List<string> PreviousSigningKeyPaths { get; set; } = [];

    /// <summary>
    /// PEM file holding the RSA private key that encrypts authorization codes and refresh tokens,
    /// which only this service reads; empty generates a key at start (development).
    /// </summary>
    public string? EncryptionKeyPath { get; set; }

    public List<ClientOptions> Clients { get; set; } = [];

    /// <summary>Applications people sign in to, with the authorization code flow and PKCE.</summary>
    public List<BrowserClientOptions> BrowserClients { get; set; } = [];

    public DemoUsersOptions DemoUsers { get; set; } = new();
}

/// <summary>A system client (a council's or force's case management system).</summary>
public sealed class ClientOptions
{
    public string ClientId { get; set; } = "";
    public string ClientSecret { get; set; } = "";
    public string? Authority { get; set; }
    public string? Force { get; set; }
    public List<string> Roles { get; set; } = [];
}

/// <summary>
/// A public client (no secret: a browser application cannot keep one) that signs people in
/// with the authorization code flow; PKCE stands in for the secret.
/// </summary>
public sealed class BrowserClientOptions
{
    public string ClientId { get; set; } = "";
    public string? DisplayName { get; set; }

    /// <summary>Exact URLs a code may be sent to; no wildcards, no prefix matching.</summary>
    public List<string> RedirectUris { get; set; } = [];

    public List<string> PostLogoutRedirectUris { get; set; } = [];
}

public sealed class DemoUsersOptions
{
    /// <summary>
    /// Maps the password-less <c>/dev</c> endpoints and lets the sign-in page offer the demo
    /// users. Refused in the Production environment.
    /// </summary>
    public bool Enabled { get; set; }

    public List<DemoUserOptions> Users { get; set; } = [];
}

public sealed class DemoUserOptions
{
    public string UserName { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string? Authority { get; set; }
    public string? Force { get; set; }
    public List<string> Roles { get; set; } = [];
}
