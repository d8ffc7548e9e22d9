namespace EfficiencyMisnomer.Files;

/// <summary>What a path names in the file system, as far as reading and writing it is concerned.</summary>
public enum FileKind
{
    /// <summary>Nothing: the path, or a folder on it, does not exist.</summary>
    Missing,

    /// <summary>A regular file: the only kind the tool reads or replaces.</summary>
    Regular,

    Directory,

    /// <summary>A symbolic link (only seen when links are not followed).</summary>
    SymbolicLink,

    /// <summary>A FIFO (named pipe): opening it to read waits for a writer, reading it waits for data.</summary>
    Fifo,

    /// <summary>A character device (<c>/dev/full</c>, a terminal, <c>/dev/zero</c>).</summary>
    CharacterDevice,

    BlockDevice,

    Socket,

    /// <summary>Anything else the operating system reports (a door, a whiteout, a Windows device or pipe).</summary>
    Other,
}

/// <summary>How messages name a <see cref="FileKind"/>.</summary>
public static class FileKindText
{
    /// <summary>"a folder", "a FIFO (named pipe)", "a character device", ...</summary>
    public static string Describe(this FileKind kind) => kind switch
    {
        FileKind.Missing => "missing",
        FileKind.Regular => "a regular file",
        FileKind.Directory => "a folder",
        FileKind.SymbolicLink => "a symbolic link",
        FileKind.Fifo => "a FIFO (named pipe)",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Socket => "a socket",
        _ => "not a regular file",
    };
}
