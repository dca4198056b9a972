namespace InfiniteSecurity.Infrastructure.Persistence;

/// <summary>
/// The database holds password and token hashes and the spool holds threat evidence: on Unix their files are 0600 and
/// the folders the service creates for them 0700, whatever the umask. SQLite creates its -wal and -shm files with the
/// mode of the database file, so creating that file first (and tightening one left looser) covers all three.
/// </summary>
internal static class OwnerOnlyFiles
{
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    public const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public static void CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else if (!Directory.Exists(path))
        {
            Directory.CreateDirectory(path, DirectoryMode);
        }
    }

    /// <summary>Creates the SQLite file 0600 when missing; removes group and other access from it and its -wal/-shm otherwise.</summary>
    public static void SecureSqliteDatabase(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        if (!File.Exists(path))
        {
            using var _ = new FileStream(path, new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = FileMode });
        }

        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
        {
            if (File.Exists(file))
            {
                File.SetUnixFileMode(file, File.GetUnixFileMode(file) & FileMode);
            }
        }
    }

    public static FileStreamOptions AppendOptions()
    {
        var options = new FileStreamOptions
        {
            Mode = System.IO.FileMode.Append,
            Access = FileAccess.Write,
            Share = FileShare.Read,
            BufferSize = 4096,
            Options = FileOptions.Asynchronous,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
        }

        return options;
    }
}
