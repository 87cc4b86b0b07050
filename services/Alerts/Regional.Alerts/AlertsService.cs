using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Regional.Alerts.Consumers;
using Regional.Alerts.Data;
using Regional.Alerts.Domain;
using Regional.Alerts.Features;
using Regional.Alerts.Push;
using Regional.Contracts.Alerts.V1;
using Regional.Messaging;
using Regional.Region;
using Regional.ServiceKit;

namespace Regional.Alerts;

public static class AlertsService
{
    public const string Name = "alerts";

    /// <summary>
    /// The police forces' alerts, one service for the region (<c>ConnectionStrings:Alerts</c>): each
    /// force's inbox is fed by its own queue <c>{force}.alerts</c>, read through its own routes, and
    /// delivered to its systems by a pull feed and, where registered, a signed push.
    /// </summary>
    public static WebApplicationBuilder AddAlertsService(this WebApplicationBuilder builder)
    {
        var forces = builder.Configuration.GetSection(RegionOptions.SectionName).Get<RegionOptions>()?.PoliceForces.Select(f => f.Id).ToList() ?? [];
        return builder.AddRegionWideService<AlertsDbContext>(Name, "region", service =>
        {
            service.Database<SqliteAlertsDbContext, PostgresAlertsDbContext, SqlServerAlertsDbContext>("Alerts");
            service.Options<AlertsOptions>(AlertsOptions.SectionName)
                .Validate(o => o.EscalationCheckInterval > TimeSpan.Zero, "Alerts:EscalationCheckInterval must be positive.")
                .Validate(o => o.Push.PollInterval > TimeSpan.Zero && o.Push.Timeout > TimeSpan.Zero, "Alerts:Push:PollInterval and Timeout must be positive.")
                .Validate(o => o.Push.MaxAttempts is >= 1 and <= 50, "Alerts:Push:MaxAttempts must be between 1 and 50.")
                .Validate(o => o.Push.FirstBackoff > TimeSpan.Zero && o.Push.MaxBackoff >= o.Push.FirstBackoff, "Alerts:Push: FirstBackoff must be positive and at most MaxBackoff.")
                .ValidateOnStart();
            // Every kind needs a deadline in the region's data before an alert of it can be stored.
            service.Services.AddOptions<RegionOptions>().Validate(
                r => AlertKinds.All.All(k => r.AlertDeadlines.ContainsKey(k)),
                $"Region:AlertDeadlines must give a deadline for each kind: {string.Join(", ", AlertKinds.All)}.");
            AlertsPolicies.Add(service.Services);
            service.Services.AddScoped<ICommitStep<AlertsDbContext>, AlertNumbering>();
            service.Services.AddHttpClient(PushSender.HttpClientName)
                // A push goes where the force registered, never on to where a redirect points.
                .ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler { AllowAutoRedirect = false, UseProxy = false });
            service.Services.AddSingleton<PushSender>();
            service.Services.AddHostedService(sp => sp.GetRequiredService<PushSender>());
            service.Api.Describe<PushSubscriptionRequest>(p => p.Required("url"));
            service.ReceiveFor(forces)
                .Sweep<EscalationSweep>()
                .Consumer<MissingFromPlacementAlertConsumer, MissingFromPlacementAlertConsumerDefinition>()
                .Consumer<ChildFoundAlertConsumer, ChildFoundAlertConsumerDefinition>()
                .Consumer<HighRiskEscalationAlertConsumer, HighRiskEscalationAlertConsumerDefinition>()
                .Consumer<PersonOrPlaceOfConcernAlertConsumer, PersonOrPlaceOfConcernAlertConsumerDefinition>();
        });
    }

    public static WebApplication MapAlertsService(this WebApplication app) =>
        app.MapService(routes => routes.MapAlertsEndpoints());
}
