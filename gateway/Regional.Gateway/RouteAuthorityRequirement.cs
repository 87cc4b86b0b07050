using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Regional.Security;
using Yarp.ReverseProxy.Model;

namespace Regional.Gateway;

/// <summary>
/// The caller's authority claim must be the authority in the route: a Derby City user or
/// system never reaches Nottingham City's instance, whatever path it tries.
/// </summary>
public sealed class RouteAuthorityRequirement : IAuthorizationRequirement;

public sealed class RouteAuthorityHandler : AuthorizationHandler<RouteAuthorityRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, RouteAuthorityRequirement requirement)
    {
        var routeAuthority = (context.Resource as HttpContext)?.GetEndpoint()?.Metadata.GetMetadata<RouteModel>()?.Config.Metadata?["authority"];
        var callerAuthority = context.User.GetAuthority();
        if (routeAuthority is not null && callerAuthority is not null && string.Equals(routeAuthority, callerAuthority, StringComparison.Ordinal))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
