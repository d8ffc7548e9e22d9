using EfficiencyMisnomer.Diagnostics;
using EfficiencyMisnomer.Files;

namespace EfficiencyMisnomer.Tests.Files;

/// <summary>Writes replace a regular file or fill an absent path, whole or not at all, and never go through a link, FIFO or device.</summary>
public sealed class OutputFileTests
{
    private string folder = "";

    [SetUp]
    public void CreateFolder() => folder = Directory.CreateTempSubdirectory("misnomer-files-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public void A_new_file_is_written_and_an_old_one_replaced()
    {
        var path = Path.Combine(folder, "report.md");
        OutputFile.WriteAllText(path, FileRole.Report, "first");
        OutputFile.WriteAllText(path, FileRole.Report, "second");
        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(path), Is.EqualTo("second"));
            Assert.That(Directory.GetFiles(folder), Is.EqualTo(new[] { path }), "no temporary file left");
        });
    }

    [Test]
    public void A_symbolic_link_is_refused_and_neither_it_nor_its_target_changes()
    {
        var target = Path.Combine(folder, "secret.txt");
        File.WriteAllText(target, "keep");
        var link = SpecialFiles.Link(Path.Combine(folder, "report.md"), target);

        var error = Assert.Throws<EfficiencyException>(() => OutputFile.WriteAllText(link, FileRole.Report, "overwritten"))!;

        Assert.Multiple(() =>
        {
            Assert.That((error.Code, error.Message), Is.EqualTo((ErrorCodes.OutputNotReplaceable,
                $"report '{link}' is a symbolic link; a report is written only to a regular file or a new path, never through a link, device or FIFO. Give another path")));
            Assert.That(File.ReadAllText(target), Is.EqualTo("keep"));
            Assert.That(new FileInfo(link).LinkTarget, Is.EqualTo(target));
            Assert.That(Directory.GetFiles(folder).Select(Path.GetFileName), Is.EquivalentTo(new[] { "secret.txt", "report.md" }));
        });
    }

    [Test]
    public void A_fifo_is_refused_without_waiting_and_stays_a_fifo()
    {
        var fifo = SpecialFiles.Fifo(Path.Combine(folder, "results.json"));
        var error = SpecialFiles.WithinSeconds(10, () => Assert.Throws<EfficiencyException>(() => OutputFile.WriteAllText(fifo, FileRole.Results, "{}"))!);
        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo(ErrorCodes.OutputNotReplaceable));
            Assert.That(error.Message, Does.Contain("is a FIFO (named pipe)"));
            Assert.That(InputFile.KindOf(fifo, FileRole.Results), Is.EqualTo(FileKind.Fifo));
        });
    }

    [Test]
    public void A_folder_is_refused()
    {
        var error = Assert.Throws<EfficiencyException>(() => OutputFile.WriteAllText(folder, FileRole.Report, "x"))!;
        Assert.That((error.Code, error.Message.Contains("is a folder", StringComparison.Ordinal)), Is.EqualTo((ErrorCodes.OutputNotReplaceable, true)));
    }

    [Test]
    public void A_device_is_refused_before_anything_is_created()
    {
        // The refusal is shown on a FIFO of our own first: /dev/full is only ever named once that has passed.
        var fifo = SpecialFiles.Fifo(Path.Combine(folder, "probe"));
        Assert.Throws<EfficiencyException>(() => OutputFile.RequireReplaceable(fifo, FileRole.Report));
        if (!File.Exists("/dev/full"))
        {
            Assert.Ignore("no /dev/full here");
        }

        var error = Assert.Throws<EfficiencyException>(() => OutputFile.WriteAllText("/dev/full", FileRole.Report, "x"))!;
        Assert.Multiple(() =>
        {
            Assert.That((error.Code, error.Message.Contains("is a character device", StringComparison.Ordinal)), Is.EqualTo((ErrorCodes.OutputNotReplaceable, true)));
            Assert.That(InputFile.KindOf("/dev/full", FileRole.Report), Is.EqualTo(FileKind.CharacterDevice));
        });
    }

    [Test]
    public void A_missing_folder_is_the_role_s_code_unless_it_is_to_be_created()
    {
        var path = Path.Combine(folder, "no", "such", "report.md");
        var error = Assert.Throws<EfficiencyException>(() => OutputFile.WriteAllText(path, FileRole.Report, "x"))!;
        Assert.That(error.Code, Is.EqualTo(ErrorCodes.ReportUnwritable));

        OutputFile.WriteAllText(path, FileRole.BuildOutput, "x", createFolder: true);
        Assert.That(File.ReadAllText(path), Is.EqualTo("x"));
    }

    [Test]
    public void A_writer_that_fails_half_way_leaves_the_old_file_and_no_temporary()
    {
        var path = Path.Combine(folder, "baseline.json");
        File.WriteAllText(path, "old");

        Assert.Throws<EfficiencyException>(() => OutputFile.Write(path, FileRole.Baseline, stream =>
        {
            stream.Write("new, half"u8);
            throw new IOException("disk full");
        }));

        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(path), Is.EqualTo("old"));
            Assert.That(Directory.GetFiles(folder), Is.EqualTo(new[] { path }));
        });
    }

    [Test]
    public void Append_adds_to_a_regular_file_and_refuses_a_link()
    {
        var summary = Path.Combine(folder, "summary.md");
        File.WriteAllText(summary, "earlier\n");
        OutputFile.AppendAllText(summary, FileRole.Report, "later\n");
        Assert.That(File.ReadAllText(summary), Is.EqualTo("earlier\nlater\n"));

        var link = SpecialFiles.Link(Path.Combine(folder, "link.md"), summary);
        var error = Assert.Throws<EfficiencyException>(() => OutputFile.AppendAllText(link, FileRole.Report, "through the link"))!;
        Assert.That((error.Code, File.ReadAllText(summary)), Is.EqualTo((ErrorCodes.OutputNotReplaceable, "earlier\nlater\n")));
    }
}
