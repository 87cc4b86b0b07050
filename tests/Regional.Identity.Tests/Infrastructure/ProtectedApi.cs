using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Regional.Security;

namespace Regional.Identity.Tests.Infrastructure;

/// <summary>What the protected test API saw of its caller.</summary>
public sealed record Caller(
    string? Subject, string? IdentityName, string? ClientId, string? Name, string? Authority, string? Force,
    string[] Roles, bool IsInRolePolice, bool IsPractitionerOrCoordinator);

/// <summary>
/// A tiny service of the kind every Regional service is, protected by
/// <see cref="RegionalAuthenticationExtensions.AddRegionalAuthentication(WebApplicationBuilder)"/>
/// and pointed at an issuer by configuration only.
/// </summary>
public sealed class ProtectedApi : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ProtectedApi(WebApplication app, LogCapture logs)
    {
        _app = app;
        Logs = logs;
        Http = new HttpClient { BaseAddress = app.BaseAddress() };
    }

    public HttpClient Http { get; }

    public LogCapture Logs { get; }

    public static Dictionary<string, string?> Settings(string authority, string audience = "regional") => new()
    {
        ["Authentication:Authority"] = authority,
        ["Authentication:Audience"] = audience,
        ["Authentication:RequireHttpsMetadata"] = "false",
    };

    public static async Task<ProtectedApi> StartAsync(string authority, string audience = "regional") =>
        await StartAsync(Settings(authority, audience));

    /// <param name="clock">Replaces the clock that paces key refreshes (token lifetimes use real time).</param>
    public static async Task<ProtectedApi> StartAsync(Dictionary<string, string?> settings, TimeProvider? clock = null)
    {
        var logs = new LogCapture();
        var app = await LoopbackApp.StartAsync(0, settings, logs,
            builder =>
            {
                builder.AddRegionalAuthentication();
                if (clock is not null)
                    builder.Services.AddSingleton(clock);
            },
            app =>
            {
                app.UseAuthentication();
                app.UseAuthorization();
                app.MapGet("/whoami", (ClaimsPrincipal user) => TypedResults.Ok(Describe(user))).RequireAuthorization();
                app.MapGet("/police-only", () => TypedResults.Ok()).RequireAuthorization(p => p.RequireRole(RegionalRoles.Police));
            });
        return new ProtectedApi(app, logs);
    }

    public async Task<HttpResponseMessage> GetAsync(string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
            request.Headers.Authorization = new("Bearer", token);
        return await Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static Caller Describe(ClaimsPrincipal user) => new(
        user.GetSubject(),
        user.Identity?.Name,
        user.GetClientId(),
        user.FindFirst(RegionalClaims.Name)?.Value,
        user.GetAuthority(),
        user.GetForce(),
        user.FindAll(RegionalClaims.Role).Select(c => c.Value).ToArray(),
        user.IsInRole(RegionalRoles.Police),
        user.IsInAnyRole(RegionalRoles.Practitioner, RegionalRoles.CreCoordinator));

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.DisposeAsync();
    }
}
