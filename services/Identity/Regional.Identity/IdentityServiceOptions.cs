namespace Regional.Identity;

/// <summary>Bound from the <c>Identity</c> configuration section.</summary>
public sealed class IdentityServiceOptions
{
    public const string SectionName = "Identity";

    /// <summary>The public base URL of this service; also the <c>iss</c> claim.</summary>
    public string Issuer { get; set; } = "";

    public string Audience { get; set; } = "regional";

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>PEM file holding an RSA private key; empty generates a key at start (development).</summary>
    public string? SigningKeyPath { get; set; }

    public List<ClientOptions> Clients { get; set; } = [];

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

public sealed class DemoUsersOptions
{
    /// <summary>Maps the password-less <c>/dev</c> endpoints. Refused in the Production environment.</summary>
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
