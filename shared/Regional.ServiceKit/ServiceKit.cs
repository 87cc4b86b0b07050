using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Regional.Messaging;
using Regional.Region;
using Regional.Security;
using Regional.ServiceDefaults;

namespace Regional.ServiceKit;

/// <summary>
/// The one shape of every service in the region. A service says what is its own (its name, its
/// database, its consumers, sweeps and endpoints); the kit owns the rest, the same way for all:
/// who it is, the region, service defaults (problem details, correlation, telemetry, health),
/// authentication and the rule that a caller belongs to the route's authority, the database
/// provider and migrations, messaging with the outbox, inbox and retry, and OpenAPI.
/// </summary>
public static class ServiceKitExtensions
{
    /// <summary>
    /// One authority's instance of a service. <c>Authority</c> in configuration says which; its
    /// database and its queue <c>{authority}.{name}</c> are its own.
    /// </summary>
    public static WebApplicationBuilder AddAuthorityService<TContext>(
        this WebApplicationBuilder builder, string name, Action<ServiceKitBuilder<TContext>> configure)
        where TContext : DbContext, IMessagingDbContext
    {
        var authority = builder.Configuration["Authority"]
            ?? throw new InvalidOperationException($"Authority is not configured: which authority's {name} service is this?");
        var kit = AddService(builder, name, new ServiceIdentity(authority, name), configure);
        builder.Services.AddOptions<RegionOptions>().Validate(
            r => r.Authorities.Exists(a => a.Id == authority), $"Authority '{authority}' is not an authority of the region.");
        builder.Services.AddAuthorizationBuilder().AddPolicy(ServicePolicies.Practice, policy => policy
            .RequireAuthenticatedUser()
            // The caller must belong to this authority: a council sees only its own records.
            .RequireClaim(RegionalClaims.Authority, authority)
            .RequireClaim(RegionalClaims.Role, RegionalRoles.Practitioner, RegionalRoles.CreCoordinator, RegionalRoles.Manager, RegionalRoles.System));
        builder.Services.AddAuthorizationBuilder().AddPolicy(ServicePolicies.Audit, policy => policy
            .RequireAuthenticatedUser()
            .RequireClaim(RegionalClaims.Authority, authority)
            .RequireClaim(RegionalClaims.Role, RegionalRoles.CreCoordinator, RegionalRoles.Manager));
        // Every authority service keeps its own copy of the bases its consent service records.
        kit.Consumer<LawfulBasisRecordedConsumer<TContext>, LawfulBasisRecordedConsumerDefinition<TContext>>();
        builder.Services.AddScoped<IAuditStore>(sp => new AuditStore(sp.GetRequiredService<TContext>()));
        kit.Options<HeldMessageOptions>(HeldMessageOptions.SectionName)
            .Validate(o => o.Interval > TimeSpan.Zero, "Sharing:HeldMessages:Interval must be positive.")
            .ValidateOnStart();
        kit.Sweep<HeldMessageSweep<TContext>>();
        kit.Register();
        return builder;
    }

    /// <summary>
    /// A service of the whole region (not of one authority), speaking as <paramref name="participant"/>
    /// (e.g. <c>region</c>) where an authority would name itself.
    /// </summary>
    public static WebApplicationBuilder AddRegionWideService<TContext>(
        this WebApplicationBuilder builder, string name, string participant, Action<ServiceKitBuilder<TContext>> configure)
        where TContext : DbContext, IMessagingDbContext
    {
        var kit = AddService(builder, name, new ServiceIdentity(participant, name), configure);
        builder.Services.AddAuthorizationBuilder().AddPolicy(ServicePolicies.RegionalCoordinator, policy => policy
            .RequireAuthenticatedUser()
            .RequireClaim(RegionalClaims.Role, RegionalRoles.RegionalCoordinator));
        kit.Register();
        return builder;
    }

    /// <summary>The middleware and endpoints every service has, then the service's own.</summary>
    public static WebApplication MapService(this WebApplication app, Action<IEndpointRouteBuilder> mapEndpoints)
    {
        app.UseServiceDefaults();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealthEndpoints();
        app.MapOpenApi();
        if (app.Services.GetRequiredService<IServiceProviderIsService>().IsService(typeof(IAuditStore)))
        {
            app.MapDisclosureAuditEndpoints();
        }

        mapEndpoints(app);
        return app;
    }

    private static ServiceKitBuilder<TContext> AddService<TContext>(
        WebApplicationBuilder builder, string name, ServiceIdentity self, Action<ServiceKitBuilder<TContext>> configure)
        where TContext : DbContext, IMessagingDbContext
    {
        builder.AddServiceDefaults($"regional-{name}", self.Authority);
        builder.AddRegionalAuthentication();
        builder.Services.AddRegion(builder.Configuration);
        var kit = new ServiceKitBuilder<TContext>(builder, self);
        builder.Services.AddOpenApi(o => o.AddSchemaTransformer(kit.Api.Transform));
        configure(kit);
        return kit;
    }
}

/// <summary>Authorization policies the kit defines for every service.</summary>
public static class ServicePolicies
{
    /// <summary>A practitioner, CRE coordinator, manager or system client of this service's own authority.</summary>
    public const string Practice = "authority-practice";

    public const string RegionalCoordinator = "regional-coordinator";

    /// <summary>Reading and verifying the disclosure audit: a CRE coordinator or manager of this authority.</summary>
    public const string Audit = "authority-audit";
}

/// <summary>What a service declares as its own; the kit registers it.</summary>
public sealed class ServiceKitBuilder<TContext>(WebApplicationBuilder builder, ServiceIdentity self)
    where TContext : DbContext, IMessagingDbContext
{
    private readonly List<Action<IBusRegistrationConfigurator>> _consumers = [];
    private readonly List<string> _queues = [];
    private readonly List<Type> _consumerTypes = [];
    private bool _hasDatabase;

    public ServiceIdentity Self => self;

    /// <summary>Required fields and code lists of the service's request bodies, for its OpenAPI description.</summary>
    public ApiDescription Api { get; } = new();

    public IServiceCollection Services => builder.Services;

    public IConfiguration Configuration => builder.Configuration;

    /// <summary>The service's own database: one context per provider, each with its own migrations.</summary>
    public ServiceKitBuilder<TContext> Database<TSqlite, TPostgres, TSqlServer>(string connectionName)
        where TSqlite : TContext
        where TPostgres : TContext
        where TSqlServer : TContext
    {
        builder.Services.AddServiceDatabase<TContext, TSqlite, TPostgres, TSqlServer>(builder.Configuration, connectionName);
        _hasDatabase = true;
        return this;
    }

    /// <summary>Options bound from a configuration section.</summary>
    public OptionsBuilder<TOptions> Options<TOptions>(string section)
        where TOptions : class =>
        builder.Services.AddOptions<TOptions>().Bind(builder.Configuration.GetSection(section));

    public ServiceKitBuilder<TContext> Consumer<TConsumer, TDefinition>()
        where TConsumer : class, IConsumer
        where TDefinition : class, IConsumerDefinition<TConsumer>
    {
        _consumers.Add(bus => bus.AddConsumer<TConsumer, TDefinition>());
        _consumerTypes.Add(typeof(TConsumer));
        return this;
    }

    /// <summary>
    /// Consumes, besides its own queue, on <c>{participant}.{name}</c> for each participant it serves
    /// (the alerts service: one queue per police force, so each force's inbox is fed by its own queue).
    /// </summary>
    public ServiceKitBuilder<TContext> ReceiveFor(IEnumerable<string> participants)
    {
        _queues.AddRange(participants.Select(p => ServiceIdentity.QueueFor(p, self.Service)));
        return this;
    }

    /// <summary>A clock-driven sweep, resolvable as itself (tests run a pass on demand) and run in the background.</summary>
    public ServiceKitBuilder<TContext> Sweep<TSweep>()
        where TSweep : PeriodicSweep
    {
        builder.Services.AddSingleton<TSweep>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<TSweep>());
        return this;
    }

    internal void Register()
    {
        if (!_hasDatabase)
        {
            throw new InvalidOperationException($"{self.QueueName} declares no database: every service keeps its outbox and inbox in its own.");
        }

        Options<MessageRetentionOptions>(MessageRetentionOptions.SectionName)
            .Validate(o => o.Outbox > TimeSpan.Zero && o.Inbox >= TimeSpan.FromDays(1) && o.Interval > TimeSpan.Zero,
                "Messaging:Retention: Outbox and Interval must be positive, Inbox at least a day (a receipt must outlive any redelivery).")
            .ValidateOnStart();
        Sweep<MessageRetentionSweep<TContext>>();
        builder.Services.AddRegionalMessaging<TContext>(builder.Configuration, self, bus =>
        {
            foreach (var add in _consumers)
            {
                add(bus);
            }
        }, _queues, _consumerTypes, builder.Environment.IsProduction());
    }
}
