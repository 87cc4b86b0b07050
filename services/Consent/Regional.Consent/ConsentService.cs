using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Regional.Consent.Consumers;
using Regional.Consent.Data;
using Regional.Consent.Domain;
using Regional.Consent.Features;
using Regional.ServiceKit;

namespace Regional.Consent;

public static class ConsentService
{
    public const string Name = "consent";

    /// <summary>
    /// One authority's consent service: its children's consent records and safeguarding
    /// overrides, announced to its own services as lawful bases, and the complete "who saw what"
    /// about its children, as its own and other authorities' services report it.
    /// </summary>
    public static WebApplicationBuilder AddConsentService(this WebApplicationBuilder builder) =>
        builder.AddAuthorityService<ConsentDbContext>(Name, service =>
        {
            service.Database<SqliteConsentDbContext, PostgresConsentDbContext, SqlServerConsentDbContext>("Consent");
            service.Options<ConsentOptions>(ConsentOptions.SectionName)
                .Validate(o => o.ExpiryCheckInterval > TimeSpan.Zero, "Consent:ExpiryCheckInterval must be positive.")
                .ValidateOnStart();
            ConsentPolicies.Add(service.Services, service.Self.Authority);
            service.Api
                .Describe<RecordDecisionRequest>(d => d
                    .Required("decision", "purpose", "recipientType", "givenBy", "decidedOn")
                    .Codes("decision", Decisions.All)
                    .Codes("purpose", Purposes.All)
                    .Codes("recipientType", Recipients.Names)
                    .Codes("givenBy", Givers.All))
                .Describe<RecordOverrideRequest>(o => o
                    .Required("purpose", "recipientType", "lawfulBasis", "reason", "approvedBy", "approverRole", "reviewBy")
                    .Codes("purpose", Purposes.All)
                    .Codes("recipientType", Recipients.Names)
                    .Codes("lawfulBasis", OverrideLaws.All)
                    .Codes("approverRole", ApproverRoles.All));
            service.Sweep<OverrideExpirySweep>()
                .Consumer<ChildDataAccessedConsumer, ChildDataAccessedConsumerDefinition>()
                .Consumer<ChildDataAccessedBatchConsumer, ChildDataAccessedBatchConsumerDefinition>();
        });

    public static WebApplication MapConsentService(this WebApplication app) =>
        app.MapService(routes => routes.MapConsentEndpoints());
}
