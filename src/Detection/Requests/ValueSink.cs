namespace InfiniteSecurity.Detection.Requests;

/// <summary>Collects located values under the request's limits: past <see cref="RequestLimits.MaxValues"/> values or
/// <see cref="RequestLimits.MaxTotalChars"/> characters it records one problem and accepts nothing more.</summary>
internal sealed class ValueSink(RequestLimits limits)
{
    private readonly List<RequestValue> _values = [];
    private readonly List<string> _problems = [];
    private long _chars;

    public bool Full { get; private set; }

    public RequestLimits Limits => limits;

    public IReadOnlyList<RequestValue> Values => _values;

    public IReadOnlyList<string> Problems => _problems;

    public bool Add(string location, ValueSource source, ValueShape shape, string name, string value, bool fromJson = false)
    {
        if (Full)
        {
            return false;
        }

        if (_values.Count >= limits.MaxValues)
        {
            Stop($"more than {limits.MaxValues} values: inspection stopped at {location}");
            return false;
        }

        if (_chars + value.Length > limits.MaxTotalChars)
        {
            Stop($"more than {limits.MaxTotalChars} characters of values: inspection stopped at {location}");
            return false;
        }

        _chars += value.Length;
        _values.Add(new RequestValue(location, source, shape, name, value, fromJson));
        return true;
    }

    public void Problem(string problem) => _problems.Add(problem);

    private void Stop(string problem)
    {
        Full = true;
        _problems.Add(problem);
    }
}
