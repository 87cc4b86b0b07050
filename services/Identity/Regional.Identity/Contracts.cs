using System.Text.Json.Serialization;

namespace Regional.Identity;

/// <summary>RFC 6749 §5.1 successful token response; wire names fixed by the RFC, whatever the JSON naming policy.</summary>
public sealed record TokenResponse(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("expires_in")] int ExpiresIn);

public sealed record DevSignInRequest(string? UserName);

/// <summary>Whom a newcomer can be in development: never a secret.</summary>
public sealed record DevDirectory(
    IReadOnlyList<DemoUserView> Users,
    IReadOnlyList<SystemClientView> Clients,
    IReadOnlyList<BrowserClientView> BrowserClients);

public sealed record DemoUserView(
    string UserName,
    string DisplayName,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Authority,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Force,
    IReadOnlyList<string> Roles);

/// <summary>A system client as listed for developers; the secret has no field here at all.</summary>
public sealed record SystemClientView(
    string ClientId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Authority,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Force,
    IReadOnlyList<string> Roles);

public sealed record BrowserClientView(string ClientId, IReadOnlyList<string> RedirectUris, IReadOnlyList<string> PostLogoutRedirectUris);
