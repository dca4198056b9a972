using System.Reflection;
using FluentValidation;
using InfiniteSecurity.Application.Auth.Common;
using InfiniteSecurity.Application.Common.Behaviours;
using InfiniteSecurity.Application.Common.Options;
using InfiniteSecurity.Detection;
using InfiniteSecurity.Detection.Requests;
using InfiniteSecurity.Detection.Rules;
using InfiniteSecurity.Application.Inspection.Common;
using InfiniteSecurity.Application.Rules.Common;
using InfiniteSecurity.Application.Statistics.Common;
using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InfiniteSecurity.Application;

public static class DependencyInjection
{
    /// <summary>
    /// MediatR 5.1.0 is the only version that restores here and its DI extension does not, so the mediator,
    /// handlers, behaviours and validators are registered by hand (docs/decisions/0001).
    /// </summary>
    public static IServiceCollection AddApplication(this IServiceCollection services, IConfiguration configuration)
    {
        var assembly = Assembly.GetExecutingAssembly();

        services.AddOptions<DetectionOptions>()
            .Bind(configuration.GetSection(DetectionOptions.SectionName))
            .Validate(o => o.MaxInputLength is > 0 and <= 1_000_000, "Detection:MaxInputLength must be between 1 and 1,000,000.")
            .ValidateOnStart();
        services.AddOptions<DecisionPolicyOptions>()
            .Bind(configuration.GetSection("Detection:Policy"))
            .Validate(o => { o.Validate(); return true; })
            .ValidateOnStart();

        services.AddOptions<AuthOptions>()
            .Bind(configuration.GetSection(AuthOptions.SectionName))
            .Validate(o => o.AccessTokenMinutes is > 0 and <= 1440 && o.RefreshTokenDays is > 0 and <= 365, "Auth token lifetimes are out of range.")
            .Validate(o => o.LockoutMaxFailedAttempts is > 0 and <= 100 && o.LockoutMinutes is > 0 and <= 1440, "Auth lockout settings are out of range.")
            .ValidateOnStart();
        services.AddOptions<BootstrapOptions>().Bind(configuration.GetSection(BootstrapOptions.SectionName));
        services.AddScoped<SessionIssuer>();
        services.AddScoped<LoginFailures>();
        services.AddScoped<RuleTuning>();
        services.AddScoped<StatisticsQueries>();

        services.AddOptions<RequestInspectionOptions>()
            .Bind(configuration.GetSection(RequestInspectionOptions.SectionName))
            .Validate(o => o.IsValid(), "Detection:Requests limits must be positive and within bounds (body ≤ 64 MiB, values ≤ 100,000, depth ≤ 256, characters ≤ 50,000,000, cache entries 0..1,000,000).")
            .ValidateOnStart();

        services.AddSingleton(sp => new DecisionPolicy(sp.GetRequiredService<IOptions<DecisionPolicyOptions>>().Value));
        services.AddDetectionEngine();
        services.TryAddTimeProvider();

        // Entity → read-model mapping only (docs/decisions/0002). AutoMapper is RPL-1.5 or commercial: a licence key,
        // if the operator has one, comes from configuration (or AUTOMAPPER_LICENSE_KEY), never from the repository.
        services.AddAutoMapper(cfg => cfg.LicenseKey = configuration["AutoMapper:LicenseKey"], assembly);

        services.AddScoped<ServiceFactory>(sp => sp.GetService);
        services.AddScoped<IMediator, Mediator>();

        foreach (var (serviceType, implementation) in ClosedImplementationsOf(assembly, typeof(IRequestHandler<,>)))
        {
            services.AddScoped(serviceType, implementation);
        }

        // A validator builds its rules in its constructor (expression trees compiled, patterns parsed), so one built
        // per request costs more than the analysis it guards; validators that need only singletons are built once.
        services.AddValidatorsFromAssembly(assembly, ServiceLifetime.Singleton, r => NeedsOnlySingletons(r.ValidatorType), includeInternalTypes: true);
        services.AddValidatorsFromAssembly(assembly, ServiceLifetime.Scoped, r => !NeedsOnlySingletons(r.ValidatorType), includeInternalTypes: true);

        // MediatR runs behaviours in registration order, outermost first (STYLE.md rule 3).
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(LoggingBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(UnhandledExceptionBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(AuthorizationBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(PerformanceBehaviour<,>));

        return services;
    }

    /// <summary>
    /// The engine and its tuning seam: one <see cref="RuleWeightOverrides"/> is both the analyzer's weights and what
    /// the rules endpoint reports, so what the API shows is what the engine uses.
    /// </summary>
    private static void AddDetectionEngine(this IServiceCollection services)
    {
        services.AddSingleton(RuleCatalogue.Default);
        services.AddSingleton<RuleWeightOverrides>();
        services.AddSingleton<IRuleWeights>(sp => sp.GetRequiredService<RuleWeightOverrides>());
        services.AddSingleton<IThreatAnalyzer>(sp => new ThreatAnalyzer(sp.GetRequiredService<DecisionPolicy>(), sp.GetRequiredService<IRuleWeights>(),
            sp.GetRequiredService<IOptions<RequestInspectionOptions>>().Value.AnalysisCacheEntries));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<RequestInspectionOptions>>().Value.ToLimits());
        services.AddSingleton(sp => new RequestInspector(sp.GetRequiredService<IThreatAnalyzer>(), sp.GetRequiredService<RequestLimits>(), sp.GetRequiredService<DecisionPolicy>(), sp.GetRequiredService<IRuleWeights>()));
        services.AddScoped<RequestScreening>();
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (services.All(d => d.ServiceType != typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }

    private static IEnumerable<(Type Service, Type Implementation)> ClosedImplementationsOf(Assembly assembly, Type openGeneric) =>
        from type in assembly.GetTypes()
        where type is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false }
        from iface in type.GetInterfaces()
        where iface.IsGenericType && iface.GetGenericTypeDefinition() == openGeneric
        select (iface, type);

    /// <summary>Whether every constructor parameter of the validator is a service that lives as long as the process.</summary>
    internal static bool NeedsOnlySingletons(Type validator) =>
        validator.GetConstructors().All(c => c.GetParameters().All(p =>
            p.ParameterType == typeof(RuleCatalogue)
            || p.ParameterType == typeof(TimeProvider)
            || (p.ParameterType.IsGenericType && p.ParameterType.GetGenericTypeDefinition() == typeof(IOptions<>))));
}
