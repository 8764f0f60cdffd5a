package org.keepalive4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.keepalive4j.config.ConfigTesting.errors;
import static org.keepalive4j.config.ConfigTesting.parse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.keepalive4j.config.model.KeepalivedConfig;
import org.keepalive4j.config.model.VrrpInstance;

/** keepalived's preprocessing: comments, quotes, include, conditionals, parameters, sequences. */
class ConfigReaderTest {

    @TempDir
    Path dir;

    private static List<String> vips(KeepalivedConfig c, String instance) {
        return c.vrrpInstance(instance).orElseThrow().virtualAddresses().stream().map(a -> a.cidr()).toList();
    }

    @Test
    void commentsStartWithHashOrBangAnywhereOutsideDoubleQuotes() {
        KeepalivedConfig c = parse("""
                ! a comment
                # another
                global_defs {   # trailing
                   router_id r1 ! trailing too
                   notification_email_from "ops#1@example.com"
                }
                """).config();
        assertEquals("r1", c.global().routerId());
        assertEquals("ops#1@example.com", c.global().notificationEmailFrom());
    }

    @Test
    void bangInsideAWordCutsTheValueLikeKeepalivedAndIsWarnedAbout() {
        ParsedConfig p = parse(ConfigTesting.instance("VI_1", 1,
                " authentication {\n  auth_type PASS\n  auth_pass k@l!ve1\n }"));
        assertEquals("k@l", p.config().vrrpInstance("VI_1").orElseThrow().authentication().password());
        assertTrue(p.warnings().stream().anyMatch(w -> w.message().contains("starts a comment")), p.warnings().toString());
    }

    @Test
    void escapedCommentCharactersAreKept() {
        ParsedConfig p = parse(ConfigTesting.instance("VI_1", 1,
                " authentication {\n  auth_type PASS\n  auth_pass k@l\\!ve1\n }"));
        assertEquals("k@l!ve1", p.config().vrrpInstance("VI_1").orElseThrow().authentication().password());
    }

    @Test
    void quotedStringsKeepSpacesAndJoinAdjacentParts() {
        KeepalivedConfig c = parse("""
                vrrp_script chk {
                   script "/usr/bin/check --name 'a b'"
                }
                vrrp_instance VI_1 {
                   interface eth0
                   virtual_router_id 1
                   notify_master "/bin/notify.sh  MASTER" nobody nogroup
                   notify_backup ab"c d"e
                   virtual_ipaddress { 10.0.0.1 }
                   track_script { chk }
                }
                """).config();
        assertEquals("/usr/bin/check --name 'a b'", c.vrrpScript("chk").orElseThrow().script().command());
        VrrpInstance i = c.vrrpInstance("VI_1").orElseThrow();
        assertEquals("/bin/notify.sh  MASTER", i.notifyScripts().master().command());
        assertEquals("nobody", i.notifyScripts().master().user());
        assertEquals("nogroup", i.notifyScripts().master().group());
        assertEquals("abc de", i.notifyScripts().backup().command());
    }

    @Test
    void bracesMayOpenOnTheNextLineAndBlocksMayShareALine() {
        KeepalivedConfig c = parse("""
                global_defs
                {
                  notification_email { a@example.com b@example.com }
                  router_id r2
                }
                vrrp_instance VI_1
                {
                  interface eth0
                  virtual_router_id 7
                  virtual_ipaddress
                  {
                    10.0.0.7/24
                  }
                }
                """).config();
        assertEquals(List.of("a@example.com", "b@example.com"), c.global().notificationEmails());
        assertEquals("r2", c.global().routerId());
        assertEquals(List.of("10.0.0.7/24"), vips(c, "VI_1"));
    }

    @Test
    void conditionalLinesFollowTheConfigId() {
        String text = """
                global_defs {
                  @main   router_id main_router
                  @backup router_id backup_router
                }
                vrrp_instance VI_1 {
                  interface eth0
                  virtual_router_id 1
                  @main priority 200
                  @^main priority 50
                  virtual_ipaddress { 10.0.0.1/24 }
                }
                """;
        KeepalivedConfig main = parse(text, "main").config();
        assertEquals("main_router", main.global().routerId());
        assertEquals(200, main.vrrpInstance("VI_1").orElseThrow().priority());
        KeepalivedConfig backup = parse(text, "backup").config();
        assertEquals("backup_router", backup.global().routerId());
        assertEquals(50, backup.vrrpInstance("VI_1").orElseThrow().priority());
        KeepalivedConfig other = parse(text, "other").config();
        assertEquals(null, other.global().routerId());
    }

    @Test
    void parametersAreSubstitutedRecursivelyAtUseTime() {
        KeepalivedConfig c = parse("""
                $ADDRESS_BASE=10.2.${ADDRESS_BASE_SUB}
                $ADDRESS_BASE_SUB=0
                $PRIO=120
                $UNDEF_KEPT=x
                vrrp_instance VI_1 {
                  interface eth0
                  virtual_router_id 1
                  priority $PRIO
                  notify_master "/bin/echo $NOT_DEFINED ${ALSO_NOT}"
                  virtual_ipaddress {
                    ${ADDRESS_BASE}.100/32
                  }
                }
                """).config();
        VrrpInstance i = c.vrrpInstance("VI_1").orElseThrow();
        assertEquals(120, i.priority());
        assertEquals(List.of("10.2.0.100/32"), vips(c, "VI_1"));
        assertEquals("/bin/echo $NOT_DEFINED ${ALSO_NOT}", i.notifyScripts().master().command());
    }

    @Test
    void multiLineDefinitionsExpandToBlocks() {
        KeepalivedConfig c = parse("""
                $INSTANCE= \\
                vrrp_instance VI_${NUM} { \\
                    interface eth0 \\
                    virtual_router_id ${NUM} \\
                    @high priority 130 \\
                    @low priority 120 \\
                    virtual_ipaddress { \\
                        10.0.${NUM}.254/24 \\
                    } \\
                }

                $NUM=1
                $INSTANCE
                $NUM=2
                $INSTANCE
                """, "high").config();
        assertEquals(2, c.vrrpInstances().size());
        assertEquals(130, c.vrrpInstance("VI_2").orElseThrow().priority());
        assertEquals(List.of("10.0.2.254/24"), vips(c, "VI_2"));
    }

    @Test
    void predefinedParameters() {
        KeepalivedConfig c = parse("""
                global_defs {
                  router_id ${_INSTANCE}
                  notification_email_from a${_HASH}b${_BANG}c
                  smtp_helo_name ${_PWD}
                }
                """, "node7").config();
        assertEquals("node7", c.global().routerId());
        assertEquals("a#b!c", c.global().notificationEmailFrom());
        assertEquals("/tmp/k4j-test", c.global().smtpHeloName());
    }

    @Test
    void sequencesAndListsRepeatTheRestOfTheLine() {
        KeepalivedConfig c = parse("""
                vrrp_instance VI_1 {
                  interface eth0
                  virtual_router_id 1
                  virtual_ipaddress {
                    ~SEQ(SUBNET, 0, 3) 10.0.${SUBNET}.1/24
                  }
                  virtual_ipaddress_excluded {
                    ~SEQx(X, 0x90, 0x10, 0xc0) fe80::20:${X}:1/64
                    ~LST({IP, IP1}, {10,1},{20,4}) 192.168.${IP}.${IP1}
                  }
                }
                ~SEQ(N, 2, 4) $ROW
                """).config();
        assertEquals(List.of("10.0.0.1/24", "10.0.1.1/24", "10.0.2.1/24", "10.0.3.1/24"), vips(c, "VI_1"));
        List<String> excluded = c.vrrpInstance("VI_1").orElseThrow().excludedAddresses().stream()
                .map(a -> a.cidr()).toList();
        assertEquals(List.of("fe80:0:0:0:0:20:90:1/64", "fe80:0:0:0:0:20:a0:1/64", "fe80:0:0:0:0:20:b0:1/64",
                "fe80:0:0:0:0:20:c0:1/64", "192.168.10.1/32", "192.168.20.4/32"), excluded);
    }

    @Test
    void includeResolvesGlobsRelativeToTheIncludingFile() throws IOException {
        Path conf = dir.resolve("keepalived.conf");
        Files.createDirectories(dir.resolve("conf.d/vrrp"));
        Files.writeString(conf, "global_defs { router_id inc }\ninclude conf.d/vrrp/*.conf\n");
        Files.writeString(dir.resolve("conf.d/vrrp/b.conf"), ConfigTesting.instance("VI_B", 2, ""));
        Files.writeString(dir.resolve("conf.d/vrrp/a.conf"), ConfigTesting.instance("VI_A", 1, "")
                + "include ../more/x.conf\n");
        Files.createDirectories(dir.resolve("conf.d/more"));
        Files.writeString(dir.resolve("conf.d/more/x.conf"), ConfigTesting.instance("VI_X", 3, ""));
        ParsedConfig p = parseFile(conf);
        assertEquals(List.of("VI_A", "VI_X", "VI_B"),
                p.config().vrrpInstances().stream().map(VrrpInstance::name).toList());
        VrrpInstance x = p.config().vrrpInstance("VI_X").orElseThrow();
        assertEquals(dir.resolve("conf.d/more/x.conf"), x.location().file());
        assertEquals(1, x.location().line());
    }

    @Test
    void aMissingPlainIncludeIsAWarningButStrictModeAndIncludeaMakeItAnError() throws Exception {
        Path conf = dir.resolve("keepalived.conf");
        Files.writeString(conf, "include /nonexistent/k4j/*.conf\n");
        ParsedConfig p = parseFile(conf);
        assertTrue(p.warnings().stream().anyMatch(w -> w.keyword().equals("include")));
        ConfigException strict = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                () -> new ConfigParser(ParseOptions.defaults().withStrictIncludes(true)).parse(conf));
        assertEquals(1, strict.errors().get(0).location().line());
        Files.writeString(conf, "\nincludea missing.conf\n");
        ConfigException checked = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                () -> new ConfigParser(ParseOptions.defaults()).parse(conf));
        assertEquals(2, checked.errors().get(0).location().line());
        assertEquals("includea", checked.errors().get(0).keyword());
    }

    @Test
    void anIncludeLoopIsAnErrorNotAHang() throws IOException {
        Path a = dir.resolve("a.conf");
        Files.writeString(a, "include b.conf\n");
        Files.writeString(dir.resolve("b.conf"), "global_defs { router_id x }\ninclude a.conf\n");
        List<Diagnostic> errs = parseErrors(a);
        assertTrue(errs.get(0).message().contains("include loop"), errs.toString());
        assertEquals(dir.resolve("b.conf"), errs.get(0).location().file());
        assertEquals(2, errs.get(0).location().line());
    }

    @Test
    void selfReferencingParametersAndHugeSequencesEndInErrors() {
        List<Diagnostic> loop = errors("$A=x $A\n$A\n");
        assertTrue(loop.get(0).message().contains("nested"), loop.toString());
        List<Diagnostic> huge = errors("~SEQ(I, 1, 1, 100000000) global_defs { router_id r$I }\n");
        assertTrue(huge.get(0).message().contains("more than"), huge.toString());
    }

    @Test
    void errorsNameTheIncludedFileAndItsLine() throws IOException {
        Path conf = dir.resolve("keepalived.conf");
        Files.writeString(conf, "global_defs { router_id r }\ninclude part.conf\n");
        Files.writeString(dir.resolve("part.conf"), "\n\nvrrp_instance VI_1 {\n interface eth0\n"
                + " virtual_router_id 300\n}\n");
        List<Diagnostic> errs = parseErrors(conf);
        assertEquals(dir.resolve("part.conf"), errs.get(0).location().file());
        assertEquals(5, errs.get(0).location().line());
        assertEquals("virtual_router_id", errs.get(0).keyword());
        assertFalse(errs.get(0).toString().isBlank());
    }

    private static ParsedConfig parseFile(Path p) {
        try {
            return new ConfigParser(ParseOptions.defaults()).parse(p);
        } catch (ConfigException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    private static List<Diagnostic> parseErrors(Path p) {
        try {
            new ConfigParser(ParseOptions.defaults()).parse(p);
            throw new AssertionError("expected errors");
        } catch (ConfigException e) {
            return e.errors();
        }
    }
}
