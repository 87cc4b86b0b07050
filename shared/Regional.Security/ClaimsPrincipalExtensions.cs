using System.Security.Claims;

namespace Regional.Security;

public static class ClaimsPrincipalExtensions
{
    public static string? GetAuthority(this ClaimsPrincipal principal) =>
        principal.FindFirst(RegionalClaims.Authority)?.Value;

    public static string? GetForce(this ClaimsPrincipal principal) =>
        principal.FindFirst(RegionalClaims.Force)?.Value;

    public static string? GetSubject(this ClaimsPrincipal principal) =>
        principal.FindFirst(RegionalClaims.Subject)?.Value;

    public static string? GetClientId(this ClaimsPrincipal principal) =>
        principal.FindFirst(RegionalClaims.ClientId)?.Value;

    /// <summary>
    /// True when the principal holds at least one of <paramref name="roles"/>. Reads the
    /// <c>role</c> claim directly, so it does not depend on how the identity was built.
    /// </summary>
    public static bool IsInAnyRole(this ClaimsPrincipal principal, params string[] roles) =>
        principal.Claims.Any(c => c.Type == RegionalClaims.Role && roles.Contains(c.Value, StringComparer.Ordinal));
}
