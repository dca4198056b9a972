using InfiniteSecurity.Detection.Rules;

namespace InfiniteSecurity.Detection.Requests;

/// <summary>The checks that need the position of a value, not only its text (see <see cref="HeaderReachableBreak"/>
/// and <see cref="KeyShape"/>); the engine's own findings come first.</summary>
internal static class PositionChecks
{
    public static Finding? Check(RequestValue value, LocationClass location, IRuleWeights weights) =>
        HeaderReachableBreak.Check(value, location, weights) ?? KeyShape.Check(value, location, weights);
}
