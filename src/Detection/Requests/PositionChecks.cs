namespace InfiniteSecurity.Detection.Requests;

/// <summary>The checks that need the position of a value, not only its text (see <see cref="HeaderReachableBreak"/>
/// and <see cref="KeyShape"/>); the engine's own findings come first.</summary>
internal static class PositionChecks
{
    public static Finding? Check(RequestValue value, LocationClass location) =>
        HeaderReachableBreak.Check(value, location) ?? KeyShape.Check(value, location);
}
