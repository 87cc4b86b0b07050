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
            service.Database<SqliteReferralDbContext, PostgresReferralDbContext, SqlServerReferralDbContext>("Referral");
            service.Options<ReferralOptions>(ReferralOptions.SectionName);
            service.Options<ReviewOptions>(ReviewOptions.SectionName)
                .Validate(o => o.FirstReviewWithinDays > 0 && o.ReviewEveryMonths > 0, "Review intervals must be positive.")
                .ValidateOnStart();
            service.Services.AddSingleton(sp => new ReviewSchedule(sp.GetRequiredService<IOptions<ReviewOptions>>().Value));
            service.Services.AddSingleton<ReferralMetrics>();
            service.Api
                .Describe<RecordReferralRequest>(r => r.Required("source", "concerns", "concernDate", "child").Codes("source", Vocabulary.Sources))
                .Describe<RecordMeetingRequest>(m => m.Required("type", "heldOn", "attendance").Codes("type", MeetingTypes.All))
                .Describe<AttendanceRequest>(a => a.Required("childAttended", "parentCarerAttended", "viewsGivenBefore", "childMissing"))
                .Describe<PlanOutcomeRequest>(o => o.Required("outcome", "actions"))
                .Describe<PlanActionRequest>(a => a.Required("action", "who", "when"))
                .Describe<AssessmentRequest>(a => a.Required("toolVersion", "indicators"))
                .Describe<IndicatorRequest>(i => i.Required("code", "rating").Codes("rating", ["none", "low", "medium", "high"]))
                .Describe<OverrideRequest>(o => o.Required("level", "rationale").Codes("level", Vocabulary.Levels))
                .Describe<ClosureRequest>(c => c.Required("reason").Codes("reason", Vocabulary.ClosureReasons))
                .Describe<ReportIntelligenceRequest>(r => r.Required("subject", "area", "description").Codes("subject", IntelligenceReport.Subjects));
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
