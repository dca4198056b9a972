using System.Text;
using System.Text.Json;
using InfiniteSecurity.Application.Common.Telemetry;
using Microsoft.Extensions.Logging;

namespace InfiniteSecurity.Infrastructure.Persistence.Writing;

/// <summary>
/// Append-only JSON-lines files on local disk that hold writes while the database is unreachable. An append returns
/// only after the data is flushed to the device, so a spooled write survives a killed process. Replay takes whole
/// files: the current file is renamed (atomic) and new appends start a fresh one.
/// </summary>
internal sealed class DiskSpool
{
    private const string CurrentFile = "current.jsonl";
    private readonly string _directory;
    private readonly ILogger<DiskSpool> _logger;
    private readonly SemaphoreSlim _lock = new(1, 1);

    public DiskSpool(string directory, ILogger<DiskSpool> logger)
    {
        _directory = directory;
        _logger = logger;
        OwnerOnlyFiles.CreateDirectory(directory);
        ServiceTelemetry.ObserveSpoolSize(this, () => PendingFiles().Sum(f => new FileInfo(f).Length));
    }

    public async Task AppendAsync(IReadOnlyCollection<SpoolRecord> records, CancellationToken cancellationToken = default)
    {
        var text = new StringBuilder();
        foreach (var record in records)
        {
            text.Append(JsonSerializer.Serialize(record, SpoolRecord.Json)).Append('\n');
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var stream = new FileStream(Path.Combine(_directory, CurrentFile), OwnerOnlyFiles.AppendOptions());
            await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            stream.Flush(flushToDisk: true);
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>True when anything is waiting to be replayed.</summary>
    public bool HasPending => PendingFiles().Any(f => new FileInfo(f).Length > 0);

    /// <summary>Closes the current file for replay and returns every file waiting, oldest first.</summary>
    public async Task<IReadOnlyList<string>> TakeForReplayAsync(CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = Path.Combine(_directory, CurrentFile);
            if (File.Exists(current) && new FileInfo(current).Length > 0)
            {
                File.Move(current, Path.Combine(_directory, $"replay-{DateTime.UtcNow:yyyyMMddHHmmssfffffff}.jsonl"));
            }

            return Directory.GetFiles(_directory, "replay-*.jsonl").Order(StringComparer.Ordinal).ToArray();
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Reads a replay file. A torn last line (the process died mid-append, so it was never acknowledged) is skipped.</summary>
    public async Task<List<SpoolRecord>> ReadAsync(string file, CancellationToken cancellationToken)
    {
        var records = new List<SpoolRecord>();
        var lines = await File.ReadAllLinesAsync(file, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            try
            {
                records.Add(JsonSerializer.Deserialize<SpoolRecord>(lines[i], SpoolRecord.Json)!);
            }
            catch (JsonException) when (i == lines.Length - 1)
            {
                _logger.LogWarning("Skipping a torn last line in spool file {File}", Path.GetFileName(file));
            }
        }

        return records;
    }

    public void Complete(string file) => File.Delete(file);

    private IEnumerable<string> PendingFiles() =>
        Directory.Exists(_directory) ? Directory.EnumerateFiles(_directory, "*.jsonl") : [];
}
