namespace Regional.Security;

/// <summary>Claim types carried in Regional access tokens, as they appear in the JWT.</summary>
public static class RegionalClaims
{
    public const string Subject = "sub";
    public const string ClientId = "client_id";
    public const string Name = "name";
    public const string Role = "role";

    /// <summary>Council id, e.g. <c>nottingham-city</c>.</summary>
    public const string Authority = "authority";

    /// <summary>Police force id, e.g. <c>derbyshire-police</c>.</summary>
    public const string Force = "force";
}
