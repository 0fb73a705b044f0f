// %files from an installed tree: macros, globs, /etc as config, -devel split,
// package-owned directories, never a system directory.
using OpsKit.Rpm.Spec;
using OpsKit.Testing;

namespace OpsKit.Rpm.Tests.Spec;

public sealed class FileMapperTests
{
    private static readonly byte[] s_elf = [0x7f, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1];

    private static FilesPlan Map(params string[] paths)
    {
        using var root = new TempDir("rpm-map");
        foreach (var p in paths)
        {
            if (p.Contains(" -> ", StringComparison.Ordinal))
            {
                var parts = p.Split(" -> ");
                var link = root.File(parts[0].TrimStart('/'));
                Directory.CreateDirectory(Path.GetDirectoryName(link)!);
                File.CreateSymbolicLink(link, parts[1]);
                continue;
            }
            var full = root.File(p.TrimStart('/').TrimEnd('/'));
            if (p.EndsWith('/')) { Directory.CreateDirectory(full); continue; }
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            if (p.StartsWith("/usr/bin/", StringComparison.Ordinal) || p.Contains(".so", StringComparison.Ordinal)) File.WriteAllBytes(full, s_elf);
            else File.WriteAllText(full, "x\n");
        }
        return FileMapper.Map(root.Path);
    }

    [Fact]
    public void Standard_locations_map_to_macros_and_man_pages_are_globbed()
    {
        var plan = Map("/usr/bin/tool", "/usr/share/man/man1/tool.1.gz", "/usr/share/man/man5/tool.conf.5", "/usr/share/info/tool.info.gz", "/usr/share/info/dir");
        Assert.Equal(["%{_bindir}/tool", "%{_infodir}/tool.info*", "%{_mandir}/man1/tool.1*", "%{_mandir}/man5/tool.conf.5*"], plan.Main);
        Assert.False(plan.NoArch);
    }

    [Fact]
    public void Etc_files_are_noreplace_config_and_a_private_etc_dir_is_owned()
    {
        var plan = Map("/etc/tool.conf", "/etc/tool/a.conf", "/etc/tool/b.conf", "/etc/logrotate.d/tool");
        Assert.Equal(["%config(noreplace) %{_sysconfdir}/logrotate.d/tool", "%dir %{_sysconfdir}/tool", "%config(noreplace) %{_sysconfdir}/tool.conf",
            "%config(noreplace) %{_sysconfdir}/tool/a.conf", "%config(noreplace) %{_sysconfdir}/tool/b.conf"], plan.Main);
        Assert.True(plan.NoArch);
    }

    [Fact]
    public void Libraries_split_into_main_and_devel()
    {
        var plan = Map("/usr/lib64/libfoo.so.1.2.3", "/usr/lib64/libfoo.so.1 -> libfoo.so.1.2.3", "/usr/lib64/libfoo.so -> libfoo.so.1",
            "/usr/include/foo.h", "/usr/include/foo/bar.h", "/usr/lib64/pkgconfig/foo.pc", "/usr/lib64/cmake/Foo/FooConfig.cmake", "/usr/lib64/libfoo.la");
        Assert.Equal(["%{_libdir}/libfoo.so.1*"], plan.Main);
        Assert.Equal(["%{_includedir}/foo.h", "%{_includedir}/foo/", "%{_libdir}/cmake/Foo/", "%{_libdir}/libfoo.so", "%{_libdir}/pkgconfig/foo.pc"], plan.Devel);
        Assert.Equal(["find %{buildroot} -name '*.la' -delete"], plan.InstallExtras);
    }

    [Fact]
    public void Private_directories_are_owned_once_and_system_directories_never()
    {
        var plan = Map("/usr/share/tool/a.txt", "/usr/share/tool/sub/b.txt", "/usr/share/applications/tool.desktop",
            "/usr/share/icons/hicolor/48x48/apps/tool.png", "/usr/lib/systemd/system/tool.service", "/var/lib/tool/", "/usr/share/bash-completion/completions/tool");
        Assert.Equal(["%{_datadir}/applications/tool.desktop", "%{_datadir}/icons/hicolor/48x48/apps/tool.png", "%{_datadir}/tool/",
            "%dir %{_sharedstatedir}/tool", "%{_unitdir}/tool.service", "%{bash_completions_dir}/tool"], plan.Main);
        Assert.Equal(["tool.service"], plan.Units);
        Assert.DoesNotContain(plan.Main, e => e is "%{_datadir}/applications/" or "%{_datadir}/icons/" or "%{_bindir}");
    }

    [Fact]
    public void Upstream_docs_locales_and_wrong_prefixes_are_reported()
    {
        var plan = Map("/usr/share/doc/tool/README", "/usr/share/locale/de/LC_MESSAGES/tool.mo", "/usr/local/bin/tool");
        Assert.True(plan.UpstreamDocs);
        Assert.Equal("tool", plan.LangDomain);
        Assert.Contains("%{_docdir}/tool/", plan.Main);
        Assert.Contains(plan.Notes, n => n.Contains("/usr/local/bin/tool") && n.Contains("PREFIX"));
    }

    [Fact]
    public void Build_id_links_are_never_listed()
    {
        var plan = Map("/usr/bin/tool", "/usr/lib/.build-id/ab/cdef -> ../../../../usr/bin/tool");
        Assert.Equal(["%{_bindir}/tool"], plan.Main);
    }

    [Fact]
    public void Spaces_are_quoted_and_percent_signs_doubled()
    {
        var plan = Map("/usr/share/tool data/a.txt", "/usr/bin/100%tool");
        Assert.Equal(["%{_bindir}/100%%tool", "\"%{_datadir}/tool data/\""], plan.Main);
    }
}
