using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Regional.Referral.Consumers;
using Regional.Referral.Data;
using Regional.Referral.Domain;
using Regional.Referral.Features;
using Regional.ServiceKit;

namespace Regional.Referral;

public static class ReferralService
{
    public const string Name = "referral";

    /// <summary>
    /// One authority's referral service: CRE concerns about children in its area, the reciprocal
    /// cases it holds as host, and the tracking of its own children's cases elsewhere.
    /// </summary>
    public static WebApplicationBuilder AddReferralService(this WebApplicationBuilder builder) =>
        builder.AddAuthorityService<ReferralDbContext>(Name, service =>
        {
            service.Database<SqliteReferralDbContext, PostgresReferralDbContext>("Referral");
            service.Options<ReferralOptions>(ReferralOptions.SectionName);
            service.Options<ReviewOptions>(ReviewOptions.SectionName)
                .Validate(o => o.FirstReviewWithinDays > 0 && o.ReviewEveryMonths > 0, "Review intervals must be positive.")
                .ValidateOnStart();
            service.Services.AddSingleton(sp => new ReviewSchedule(sp.GetRequiredService<IOptions<ReviewOptions>>().Value));
            service.Services.AddSingleton<ReferralMetrics>();
            service.Sweep<ReviewOverdueSweep>()
                .Consumer<IncomingChildRegisteredConsumer, IncomingChildRegisteredConsumerDefinition>()
                .Consumer<IncomingChildEndedConsumer, IncomingChildEndedConsumerDefinition>()
                .Consumer<CrossBorderConcernRaisedConsumer, CrossBorderConcernRaisedConsumerDefinition>()
                .Consumer<ReciprocalReviewHeldConsumer, ReciprocalReviewHeldConsumerDefinition>()
                .Consumer<CaseClosureProposedConsumer, CaseClosureProposedConsumerDefinition>()
                .Consumer<ReciprocalCaseClosedConsumer, ReciprocalCaseClosedConsumerDefinition>()
                .Consumer<RiskToolAlignmentChangedConsumer, RiskToolAlignmentChangedConsumerDefinition>();
        });

    public static WebApplication MapReferralService(this WebApplication app) =>
        app.MapService(routes => routes.MapReferralEndpoints());
}
