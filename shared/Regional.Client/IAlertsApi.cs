using Refit;
using Regional.Api.Alerts;

namespace Regional.Client;

/// <summary>
/// A police force's inbox, pull feed and push set-up, through the gateway's <c>/police/{force}/...</c>.
/// Only a token of that force (an officer, or the force's system) is let through.
/// </summary>
public interface IAlertsApi
{
    /// <remarks>Unacknowledged first, soonest deadline first. status: open, acknowledged or escalated.</remarks>
    [Get("/police/{force}/alerts")]
    Task<IApiResponse<AlertView[]>> List(
        string force, string? status = null, string? kind = null, int? limit = null, CancellationToken cancellationToken = default);

    [Get("/police/{force}/alerts/{reference}")]
    Task<IApiResponse<AlertView>> Get(string force, string reference, CancellationToken cancellationToken = default);

    /// <remarks>A repeat answers with the first acknowledgement (200), so a force system may retry.</remarks>
    [Post("/police/{force}/alerts/{reference}/acknowledge")]
    Task<IApiResponse<AlertView>> Acknowledge(
        string force, string reference, [Body] AcknowledgeAlertRequest request, CancellationToken cancellationToken = default);

    /// <summary>The next page of the feed after <paramref name="after"/> (null from the start); pass the page's Next to read on.</summary>
    [Get("/police/{force}/feed")]
    Task<IApiResponse<AlertFeedPage>> Feed(string force, string? after = null, int? limit = null, CancellationToken cancellationToken = default);

    /// <remarks>The first registration answers with the signing secret, once.</remarks>
    [Put("/police/{force}/push")]
    Task<IApiResponse<PushSubscriptionView>> SetPush(string force, [Body] PushSubscriptionRequest request, CancellationToken cancellationToken = default);

    [Get("/police/{force}/push")]
    Task<IApiResponse<PushSubscriptionView>> GetPush(string force, CancellationToken cancellationToken = default);

    /// <remarks>The new secret is in the answer, once; the old one keeps signing until the overlap ends.</remarks>
    [Post("/police/{force}/push/secrets")]
    Task<IApiResponse<PushSubscriptionView>> RotatePushSecret(string force, CancellationToken cancellationToken = default);

    /// <remarks>status: pending, delivered or dead.</remarks>
    [Get("/police/{force}/push/deliveries")]
    Task<IApiResponse<PushDeliveryView[]>> PushDeliveries(string force, string? status = null, int? limit = null, CancellationToken cancellationToken = default);

    [Post("/police/{force}/push/deliveries/{id}/resend")]
    Task<IApiResponse<PushDeliveryView>> Resend(string force, Guid id, CancellationToken cancellationToken = default);
}
