using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Regional.Security;
using Microsoft.AspNetCore.Authorization.Policy;
using Yarp.ReverseProxy.Model;

namespace Regional.Gateway;

/// <summary>
/// The caller's authority claim must be the authority in the route: a Derby City user or
/// system never reaches Nottingham City's instance, whatever path it tries. On a force's routes
/// (<c>/police/{force}/...</c>) the caller's force claim must be that force.
/// </summary>
public sealed class RouteAuthorityRequirement : IAuthorizationRequirement;

public sealed class RouteAuthorityHandler : AuthorizationHandler<RouteAuthorityRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, RouteAuthorityRequirement requirement)
    {
        var metadata = (context.Resource as HttpContext)?.GetEndpoint()?.Metadata.GetMetadata<RouteModel>()?.Config.Metadata;
        var (routeOwner, callerOwner) = metadata?.GetValueOrDefault("force") is { } force
            ? (force, context.User.GetForce())
            : (metadata?.GetValueOrDefault("authority"), context.User.GetAuthority());
        if (routeOwner is not null && callerOwner is not null && string.Equals(routeOwner, callerOwner, StringComparison.Ordinal))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// A refusal the caller can act on: which authority the route belongs to and which one the token
/// names, as problem+json. It tells the caller nothing it did not already hold (its own token and
/// the path it asked for), and nothing about whether the record exists.
/// </summary>
public sealed class ExplainedForbiddenHandler(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!authorizeResult.Forbidden)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        var metadata = context.GetEndpoint()?.Metadata.GetMetadata<RouteModel>()?.Config.Metadata;
        var routeAuthority = metadata?.GetValueOrDefault("authority");
        var routeForce = metadata?.GetValueOrDefault("force");
        var caller = context.User.GetAuthority() ?? context.User.GetForce();
        var detail = routeForce is not null
            ? caller is null
                ? $"Routes under /police/{routeForce}/ are for {routeForce}'s officers and systems; your token names no force."
                : $"Routes under /police/{routeForce}/ are for {routeForce}'s officers and systems; your token is for {caller}."
            : routeAuthority is null
            ? "Your token does not grant this route."
            : caller is null
                ? $"Routes under /{routeAuthority}/ are for {routeAuthority}'s own practitioners and systems; your token names no authority."
                : $"Routes under /{routeAuthority}/ are for {routeAuthority}'s own practitioners and systems; your token is for {caller}.";
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = StatusCodes.Status403Forbidden, Title = "Not allowed.", Detail = detail },
        });
    }
}
