using Microsoft.Extensions.DependencyInjection;
using Regional.Security;

namespace Regional.Consent;

/// <summary>The consent service's own policies (docs/decisions/0015-consent-roles.md).</summary>
public static class ConsentPolicies
{
    /// <summary>A safeguarding override: a CRE coordinator or manager of this authority, not a practitioner alone.</summary>
    public const string SafeguardingDecision = "consent-safeguarding-decision";

    /// <summary>Reading "who saw what": a CRE coordinator or manager of this authority (the kit's audit policy, as for each service's disclosure audit).</summary>
    public const string Audit = ServiceKit.ServicePolicies.Audit;

    internal static void Add(IServiceCollection services, string authority)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(SafeguardingDecision, policy => policy
                .RequireAuthenticatedUser()
                .RequireClaim(RegionalClaims.Authority, authority)
                .RequireClaim(RegionalClaims.Role, RegionalRoles.CreCoordinator, RegionalRoles.Manager));
    }
}
