using EfficiencyMisnomer.Files;

namespace EfficiencyMisnomer.Tests.Files;

/// <summary>One predicate for "the file system said no", and one for "another handle holds the lock".</summary>
public sealed class FileFailureTests
{
    [Test]
    public void File_system_refusals_are_expected_and_defects_are_not()
    {
        Assert.Multiple(() =>
        {
            Assert.That(FileFailure.Is(new IOException("disk full")), Is.True);
            Assert.That(FileFailure.Is(new FileNotFoundException("gone")), Is.True);
            Assert.That(FileFailure.Is(new UnauthorizedAccessException("denied")), Is.True);
            Assert.That(FileFailure.Is(new ArgumentNullException("path")), Is.False);
            Assert.That(FileFailure.Is(new InvalidOperationException()), Is.False);
        });
    }

    [Test]
    public void Only_a_held_lock_is_worth_waiting_for()
    {
        var folder = Directory.CreateTempSubdirectory("misnomer-lock-").FullName;
        try
        {
            var path = Path.Combine(folder, "x.lock");
            using var held = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            var contended = Assert.Throws<IOException>(() => new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None).Dispose())!;
            Assert.Multiple(() =>
            {
                Assert.That(FileFailure.IsLockHeld(contended), Is.True, contended.Message);
                Assert.That(FileFailure.IsLockHeld(new IOException("Read-only file system", 30)), Is.False);
                Assert.That(FileFailure.IsLockHeld(new FileNotFoundException("gone")), Is.False);
            });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
