using System.Security.Claims;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using OpenIddict.Abstractions;
using Regional.Security;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Regional.Identity;

/// <summary>
/// What OpenIddict turns into tokens: the same claims, with the same names and shapes, that
/// Regional.Security and every service read (see <see cref="RegionalClaims"/>).
/// </summary>
internal static class Principals
{
    public static ClaimsPrincipal ForClient(ClientOptions client, IEnumerable<string> scopes, string audience) =>
        Build(client.ClientId, client.ClientId, name: null, client.Authority, client.Force, client.Roles, scopes, audience);

    public static ClaimsPrincipal ForUser(DemoUserOptions user, string clientId, IEnumerable<string> scopes, string audience) =>
        Build(user.UserName, clientId, user.DisplayName, user.Authority, user.Force, user.Roles, scopes, audience);

    /// <summary>An organisation to name in logs instead of the person.</summary>
    public static string Organisation(DemoUserOptions user) => Blank(user.Authority) ?? Blank(user.Force) ?? "the region";

    private static ClaimsPrincipal Build(
        string subject, string clientId, string? name, string? authority, string? force, IReadOnlyList<string> roles,
        IEnumerable<string> scopes, string audience)
    {
        var identity = new ClaimsIdentity(
            authenticationType: "Regional.Identity", nameType: RegionalClaims.Subject, roleType: RegionalClaims.Role);
        identity.SetClaim(RegionalClaims.Subject, subject);
        identity.SetClaim(RegionalClaims.ClientId, clientId);
        if (Blank(name) is { } n)
            identity.SetClaim(RegionalClaims.Name, n);
        if (Blank(authority) is { } a)
            identity.SetClaim(RegionalClaims.Authority, a);
        if (Blank(force) is { } f)
            identity.SetClaim(RegionalClaims.Force, f);
        // Always an array, even for one role, so that readers need not handle two shapes.
        identity.AddClaim(new Claim(RegionalClaims.Role, JsonSerializer.Serialize(roles), JsonClaimValueTypes.JsonArray));

        var principal = new ClaimsPrincipal(identity);
        principal.SetScopes(scopes);
        principal.SetAudiences(audience);
        principal.SetDestinations(claim => claim.Type switch
        {
            // The identity token is for the client application itself, which shows who signed in.
            RegionalClaims.Subject or RegionalClaims.Name or RegionalClaims.Authority or RegionalClaims.Force or RegionalClaims.Role =>
                [Destinations.AccessToken, Destinations.IdentityToken],
            _ => [Destinations.AccessToken],
        });
        return principal;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
