using InfiniteSecurity.Application.Common.Interfaces;
using InfiniteSecurity.Application.Common.Security;
using InfiniteSecurity.Domain.Threats;

namespace InfiniteSecurity.Application.Threats.ListThreats;

/// <summary>Users and machine clients see the threats their own requests produced; analysts and admins see all.</summary>
internal static class ThreatVisibility
{
    public static IQueryable<Threat> VisibleTo(IQueryable<Threat> threats, ICallerContext caller)
    {
        if (caller.Role is Roles.Admin or Roles.Analyst)
        {
            return threats;
        }

        var owner = caller.UserId ?? string.Empty;
        return threats.Where(t => t.UserId == owner);
    }
}
