using AutoMapper;
using InfiniteSecurity.Application.Threats.GetThreat;
using InfiniteSecurity.Domain.Threats;

namespace InfiniteSecurity.Application.Threats;

/// <summary>
/// The one place a stored threat becomes its read model (entity → read model only, never the reverse; docs/decisions/0002).
/// Severity and action are spelled as in the analyze response: <c>critical</c>, <c>BLOCK_IMMEDIATE</c>.
/// </summary>
internal sealed class ThreatMappingProfile : Profile
{
    public ThreatMappingProfile()
    {
        CreateMap<Threat, ThreatView>()
            .ForCtorParam(nameof(ThreatView.Severity), o => o.MapFrom(t => t.Severity.ToString().ToLowerInvariant()))
            .ForCtorParam(nameof(ThreatView.Action), o => o.MapFrom(t => UpperSnake(t.Action.ToString())))
            .ForCtorParam(nameof(ThreatView.Locations), o => o.MapFrom(t => ThreatLocations.Parse(t.Locations)))
            .ForCtorParam(nameof(ThreatView.ReviewState), o => o.MapFrom(t => LowerSnake(t.ReviewState.ToString())));
        CreateMap<Threat, ThreatDetail>()
            .ForCtorParam(nameof(ThreatDetail.Severity), o => o.MapFrom(t => t.Severity.ToString().ToLowerInvariant()))
            .ForCtorParam(nameof(ThreatDetail.Action), o => o.MapFrom(t => UpperSnake(t.Action.ToString())))
            .ForCtorParam(nameof(ThreatDetail.Locations), o => o.MapFrom(t => ThreatLocations.Parse(t.Locations)))
            .ForCtorParam(nameof(ThreatDetail.ReviewState), o => o.MapFrom(t => LowerSnake(t.ReviewState.ToString())))
            .ForCtorParam(nameof(ThreatDetail.Findings), o => o.MapFrom(t => ThreatEvidence.Parse(t.Evidence)))
            .ForMember(d => d.InputStored, o => o.Ignore()); // a query of its own: the input row is not loaded with the threat
    }

    private static string LowerSnake(string pascal) => UpperSnake(pascal).ToLowerInvariant();

    private static string UpperSnake(string pascal) =>
        string.Concat(pascal.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : char.ToUpperInvariant(c).ToString()));
}
