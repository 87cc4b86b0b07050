using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Regional.Security;

namespace Regional.Alerts;

/// <summary>
/// A force's inbox, feed and push set-up are for that force alone: an officer or system of the
/// force named in the route. No council role, and no other force, reads them.
/// </summary>
public static class AlertsPolicies
{
    public const string OwnForce = "own-force";

    public static void Add(IServiceCollection services)
    {
        services.AddSingleton<IAuthorizationHandler, RouteForceHandler>();
        services.AddAuthorizationBuilder().AddPolicy(OwnForce, policy => policy
            .RequireAuthenticatedUser()
            .RequireClaim(RegionalClaims.Role, RegionalRoles.Police)
            .AddRequirements(new RouteForceRequirement()));
    }
}

public sealed class RouteForceRequirement : IAuthorizationRequirement;

internal sealed class RouteForceHandler : AuthorizationHandler<RouteForceRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, RouteForceRequirement requirement)
    {
        var routeForce = (context.Resource as HttpContext)?.GetRouteValue("force") as string;
        if (routeForce is not null && string.Equals(routeForce, context.User.GetForce(), StringComparison.Ordinal))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
