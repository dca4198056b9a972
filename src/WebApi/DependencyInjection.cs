using System.Diagnostics;
using System.Text.Json;
using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.WebApi.ErrorHandling;
using InfiniteSecurity.WebApi.OpenApi;
using InfiniteSecurity.WebApi.Security;
using InfiniteSecurity.WebApi.Services;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.OpenApi;

namespace InfiniteSecurity.WebApi;

public static class DependencyInjection
{
    public static IServiceCollection AddWebApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApiOptions>().Bind(configuration.GetSection(ApiOptions.SectionName))
            .Validate(o => o.MaxRequestBodyBytes > 0, "Api:MaxRequestBodyBytes must be positive.")
            .ValidateOnStart();

        services.AddHttpContextAccessor();
        services.AddApiAuthentication();
        services.AddApiRateLimiting(configuration);
        services.AddScoped<ICallerContext, HttpCallerContext>();
        services.AddSingleton<Contracts.V2.InspectRequestReader>();
        services.AddSingleton<LiveThreatFeed>();
        services.AddHostedService(sp => sp.GetRequiredService<LiveThreatFeed>());

        // The request DTOs are validated by FluentValidation in the pipeline; MVC adding its own "field is required"
        // errors for non-nullable parameters would only repeat or confuse them.
        services.AddControllers(o => o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true)
            .AddJsonOptions(o =>
            {
                o.JsonSerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
                o.JsonSerializerOptions.DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower;
            })
            .ConfigureApiBehaviorOptions(o => o.InvalidModelStateResponseFactory = ModelStateProblems.Create);
        services.Replace(ServiceDescriptor.Singleton<IClientErrorFactory, ProblemClientErrorFactory>());
        services.AddForwardedHeadersFromConfiguration(configuration);
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });

        // Every error body is RFC 9457 problem+json with the trace id, so a client can quote it in a support case.
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            ctx.ProblemDetails.Extensions["traceId"] = Activity.Current?.Id ?? ctx.HttpContext.TraceIdentifier;
            ctx.ProblemDetails.Instance ??= ctx.HttpContext.Request.Path;
            ctx.ProblemDetails.Type ??= Problems.TypeFor(ctx.ProblemDetails.Status);
        });
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();

        services.AddVersionedApi();
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "InfiniteSecurity API",
                Version = "v1",
                Description = "Threat detection for web application input: analyse, decide, record.",
            });
            o.SwaggerDoc("v2", new OpenApiInfo
            {
                Title = "InfiniteSecurity API",
                Version = "v2",
                Description = "v2 adds the evidence (findings) behind each verdict.",
            });
            o.DocInclusionPredicate((document, api) => api.GroupName == document);

            // The Authorize button in Swagger UI: paste the access_token from /api/v1/auth/login (or /connect/token).
            o.AddSecurityDefinition("Bearer", new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "Access token from POST /api/v1/auth/login (users) or POST /connect/token (machine clients).",
            });
            o.AddSecurityRequirement(document => new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] });
            o.OperationFilter<OpenApi.HttpRequestBodyOperationFilter>();
            o.IncludeXmlComments(Path.Combine(AppContext.BaseDirectory, "InfiniteSecurity.WebApi.xml"), includeControllerXmlComments: true);
        });

        return services;
    }
}
