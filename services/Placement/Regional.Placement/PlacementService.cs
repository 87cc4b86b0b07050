using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Regional.Messaging;
using Regional.Placement.Consumers;
using Regional.Placement.Data;
using Regional.Placement.Domain;
using Regional.Placement.Features;
using Regional.ServiceKit;

namespace Regional.Placement;

public static class PlacementService
{
    public const string Name = "placement";

    /// <summary>
    /// One authority's placement service: its children placed elsewhere with their notices and
    /// clocks, and the register of children placed here by others. Everything else is the kit's.
    /// </summary>
    public static WebApplicationBuilder AddPlacementService(this WebApplicationBuilder builder) =>
        builder.AddAuthorityService<PlacementDbContext>(Name, service =>
        {
            service.Database<SqlitePlacementDbContext, PostgresPlacementDbContext, SqlServerPlacementDbContext>("Placement");
            service.Options<PlacementOptions>(PlacementOptions.SectionName);
            service.Services.AddSingleton<StatutoryClocks>();
            service.Services.AddSingleton<PlacementMetrics>();
            service.Services.AddScoped<IOutboxDispatchListener, MarkNotificationsSent>();
            service.Api
                .Describe<RecordPlacementRequest>(r => r
                    .Required("child", "legalStatus", "placementType", "startDate", "address", "hostAuthority", "isEmergency")
                    .Codes("legalStatus", Vocabulary.LegalStatuses).Codes("placementType", Vocabulary.PlacementTypes))
                .Describe<ChildRequest>(c => c.Required("localId", "givenName", "familyName", "dateOfBirth", "gender").Codes("gender", Vocabulary.Genders))
                .Describe<AddressRequest>(a => a.Required("line1", "town", "postcode"))
                .Describe<ShareChildDetailsRequest>(s => s.Required("purpose").Codes("purpose", ShareChildDetailsValidator.Purposes))
                .Describe<EndPlacementRequest>(e => e.Required("endDate", "reason").Codes("reason", Vocabulary.EndReasons))
                .Describe<ReportMissingRequest>(r => r
                    .Required("missingSince", "reportedBy", "description", "riskLevel")
                    .Codes("reportedBy", MissingDetailsValidator.Reporters).Codes("riskLevel", MissingDetailsValidator.RiskLevels))
                .Describe<UpdateMissingRequest>(u => u.Codes("riskLevel", MissingDetailsValidator.RiskLevels))
                .Describe<RecordReturnRequest>(r => r.Required("returnedAt", "foundWhere", "foundBy"))
                .Describe<ReturnHomeInterviewRequest>(r => r.Required("outcome", "by", "independent", "at").Codes("outcome", MissingClocks.Outcomes));
            service.Sweep<OverdueSweep>()
                .Sweep<ReturnHomeInterviewSweep>()
                .Consumer<PlacementNoticeConsumer, PlacementNoticeConsumerDefinition>()
                .Consumer<PlacementEndNoticeConsumer, PlacementEndNoticeConsumerDefinition>()
                .Consumer<NoticeReceivedConsumer, NoticeReceivedConsumerDefinition>()
                .Consumer<NoticeAcknowledgedConsumer, NoticeAcknowledgedConsumerDefinition>()
                .Consumer<ChildDetailsSharedConsumer, ChildDetailsSharedConsumerDefinition>()
                .Consumer<MissingEpisodeReportedConsumer, MissingEpisodeReportedConsumerDefinition>()
                .Consumer<MissingEpisodeReportedByHostConsumer, MissingEpisodeReportedByHostConsumerDefinition>()
                .Consumer<MissingEpisodeUpdatedConsumer, MissingEpisodeUpdatedConsumerDefinition>()
                .Consumer<ChildReturnedConsumer, ChildReturnedConsumerDefinition>()
                .Consumer<ReturnHomeInterviewRecordedConsumer, ReturnHomeInterviewRecordedConsumerDefinition>();
        });

    public static WebApplication MapPlacementService(this WebApplication app) =>
        app.MapService(routes => routes.MapPlacementEndpoints());
}
