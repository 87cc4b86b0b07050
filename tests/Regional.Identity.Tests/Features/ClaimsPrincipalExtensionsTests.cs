using System.Security.Claims;
using Regional.Security;

namespace Regional.Identity.Tests.Features;

public sealed class When_a_service_reads_its_callers_claims
{
    private static ClaimsPrincipal Principal(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "Bearer", RegionalClaims.Subject, RegionalClaims.Role));

    [Fact]
    public void It_gets_the_authority_force_subject_and_client()
    {
        var council = Principal(("sub", "lcs"), ("client_id", "lcs"), ("authority", "derby-city"));
        var police = Principal(("sub", "niche"), ("force", "nottinghamshire-police"));

        Assert.Equal("derby-city", council.GetAuthority());
        Assert.Null(council.GetForce());
        Assert.Equal("lcs", council.GetSubject());
        Assert.Equal("lcs", council.GetClientId());
        Assert.Equal("nottinghamshire-police", police.GetForce());
        Assert.Null(police.GetAuthority());
    }

    [Fact]
    public void It_is_in_any_role_only_when_one_of_the_named_roles_is_held()
    {
        var coordinator = Principal(("role", RegionalRoles.CreCoordinator), ("role", RegionalRoles.Practitioner));

        Assert.True(coordinator.IsInAnyRole(RegionalRoles.Police, RegionalRoles.CreCoordinator));
        Assert.False(coordinator.IsInAnyRole(RegionalRoles.Police, RegionalRoles.RegionalCoordinator));
        Assert.False(coordinator.IsInAnyRole());
        Assert.False(coordinator.IsInAnyRole("CRE-COORDINATOR"));
    }

    [Fact]
    public void The_role_names_are_the_ones_tokens_carry()
    {
        Assert.Equal(["practitioner", "cre-coordinator", "manager", "regional-coordinator", "police", "system"], RegionalRoles.All);
        Assert.Equal(["sub", "client_id", "name", "role", "authority", "force"],
            [RegionalClaims.Subject, RegionalClaims.ClientId, RegionalClaims.Name, RegionalClaims.Role, RegionalClaims.Authority, RegionalClaims.Force]);
    }
}
