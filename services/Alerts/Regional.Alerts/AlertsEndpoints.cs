using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Regional.Alerts.Features;

namespace Regional.Alerts;

public static class AlertsEndpoints
{
    /// <summary>Paths are relative: the gateway maps <c>/police/{force}/...</c> here as <c>/{force}/...</c>.</summary>
    public static IEndpointRouteBuilder MapAlertsEndpoints(this IEndpointRouteBuilder app)
    {
        var force = app.MapGroup("/{force}").RequireAuthorization(AlertsPolicies.OwnForce);

        var alerts = force.MapGroup("/alerts").WithTags("Inbox");
        alerts.MapGet("/", InboxQueries.List)
            .WithName("ListAlerts")
            .WithSummary("The force's alerts, unacknowledged first by deadline; filter by status (open, acknowledged, escalated) and kind.");
        alerts.MapGet("/{reference}", InboxQueries.Get)
            .WithName("GetAlert");
        alerts.MapPost("/{reference}/acknowledge", AcknowledgeAlert.Handle)
            .WithName("AcknowledgeAlert")
            .WithSummary("Acknowledge an alert (by an officer or the force's system); a repeat answers with the first acknowledgement.")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);

        force.MapGet("/feed", Feed.Read)
            .WithTags("Feed")
            .WithName("ReadFeed")
            .WithSummary("The force's alerts in commit order after an opaque cursor ('after'); pass each page's 'next' to read on.")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);

        var push = force.MapGroup("/push").WithTags("Push");
        push.MapGet("/", PushAdmin.Get).WithName("GetPushSubscription");
        push.MapPut("/", PushAdmin.Put)
            .WithName("SetPushSubscription")
            .WithSummary("Register or replace the HTTPS endpoint alerts are pushed to (Standard Webhooks); the first secret is shown once.")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        push.MapDelete("/", PushAdmin.Disable).WithName("DisablePush");
        push.MapPost("/secrets", PushAdmin.RotateSecret)
            .WithName("RotatePushSecret")
            .WithSummary("A new signing secret, shown once; the old one keeps signing beside it until the overlap ends.");
        push.MapGet("/deliveries", PushAdmin.Deliveries)
            .WithName("ListPushDeliveries")
            .WithSummary("Pushes of the force's alerts, newest first; status=dead lists those given up after their retries.")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        push.MapPost("/deliveries/{id:guid}/resend", PushAdmin.Resend)
            .WithName("ResendPush")
            .WithSummary("Send a dead (or delivered) push again, with the same webhook id.");
        return app;
    }
}
