#!/usr/bin/env python3
"""Turns a Zabbix 6.0 template export (YAML) into the SQL rows the Zabbix server reads for it, for a
test server without the frontend: the template, its SNMP trap items and their triggers (with tags and
correlation settings), and hosts linked to it, each with an SNMP interface on the given address.

Discovery rules (SNMP agent) are written with their item prototypes and preprocessing, so the server
discovers and polls; --delay overrides every polling interval (a test cannot wait an hour for the first
discovery). Value maps are not written: the server does not need them. Every expression is rewritten the
way the frontend stores it: each function call becomes {functionid}, with a functions row whose parameter
starts with '$'.

usage: template_sql.py [--delay INTERVAL] TEMPLATE.yaml HOST=IP [HOST=IP ...] > rows.sql
"""
import sys

import yaml

FIRST_ID = 900000
SEVERITY = {"NOT_CLASSIFIED": 0, "INFO": 1, "WARNING": 2, "AVERAGE": 3, "HIGH": 4, "DISASTER": 5}
VALUE_TYPE = {"FLOAT": 0, "CHAR": 1, "LOG": 2, "UNSIGNED": 3, "TEXT": 4}
ITEM_TYPE = {"SNMP_TRAP": 17, "SNMP_AGENT": 20}
PREPROCESSING = {"CHANGE_PER_SECOND": 10, "SIMPLE_CHANGE": 9, "MULTIPLIER": 1}
FLAG_RULE, FLAG_PROTOTYPE = 1, 2


class Ids:
    def __init__(self):
        self.next = FIRST_ID

    def __call__(self):
        self.next += 1
        return self.next


def q(value):
    """An SQL literal: NULL, a number, or a string with quotes doubled (standard_conforming_strings)."""
    if value is None:
        return "NULL"
    if isinstance(value, int):
        return str(value)
    return "'" + str(value).replace("'", "''") + "'"


def insert(table, **cols):
    return "INSERT INTO %s (%s) VALUES (%s);" % (table, ",".join(cols), ",".join(q(v) for v in cols.values()))


def split_call(expr, start, template):
    """Parses 'name(/TEMPLATE/key[...],args)' at start; returns (name, key, args, end) or None."""
    open_paren = expr.find("(", start)
    name = expr[start:open_paren]
    if open_paren < 0 or not name.isidentifier() or not expr.startswith("/" + template + "/", open_paren + 1):
        return None
    i = open_paren + 3 + len(template)
    key_start = i
    depth, quoted = 0, False
    while i < len(expr):  # the key ends at the first ',' or ')' outside brackets and quotes
        c = expr[i]
        if quoted:
            if c == "\\":
                i += 1
            elif c == '"':
                quoted = False
        elif c == '"':
            quoted = True
        elif c == "[":
            depth += 1
        elif c == "]":
            depth -= 1
        elif depth == 0 and c in ",)":
            break
        i += 1
    key = expr[key_start:i]
    args_start = i
    quoted = False
    while i < len(expr):  # the call ends at the first ')' outside quotes
        c = expr[i]
        if quoted:
            if c == "\\":
                i += 1
            elif c == '"':
                quoted = False
        elif c == '"':
            quoted = True
        elif c == ")":
            break
        i += 1
    return name, key, expr[args_start:i], i + 1


def rewrite(expr, template, item_ids, trigger_id, ids, out):
    """The stored form of expr: every function call replaced by {functionid}; the functions rows go to out."""
    result, i = "", 0
    while i < len(expr):
        call = split_call(expr, i, template) if (i == 0 or not expr[i - 1].isalnum()) and expr[i].isalpha() else None
        if call is None:
            result += expr[i]
            i += 1
            continue
        name, key, args, end = call
        if key not in item_ids:
            sys.exit("trigger uses %s, which is not an item of the template" % key)
        fid = ids()
        out.append(insert("functions", functionid=fid, itemid=item_ids[key], triggerid=trigger_id, name=name,
                          parameter="$" + args))
        result += "{%d}" % fid
        i = end
    return result


def item_row(item, itemid, hostid, interfaceid, templateid, uuid, flags, delay):
    if item["type"] not in ITEM_TYPE:
        sys.exit("item type %s is not supported here" % item["type"])
    polled = item["type"] != "SNMP_TRAP"
    return insert("items", itemid=itemid, type=ITEM_TYPE[item["type"]], hostid=hostid, name=item["name"],
                  name_upper=item["name"].upper(), key_=item["key"], snmp_oid=item.get("snmp_oid", ""),
                  delay=(delay or item.get("delay", "1m")) if polled else item.get("delay", "0"),
                  history=item.get("history", "90d"), trends=item.get("trends", "365d"),
                  value_type=VALUE_TYPE[item.get("value_type", "TEXT" if flags == FLAG_RULE else "UNSIGNED")],
                  units=item.get("units", ""), interfaceid=interfaceid, description=item.get("description", ""),
                  templateid=templateid, uuid=uuid, flags=flags)


def main():
    args = sys.argv[1:]
    delay = None
    if args[0] == "--delay":
        delay, args = args[1], args[2:]
    export = yaml.safe_load(open(args[0]))["zabbix_export"]
    if export["version"] != "6.0":
        sys.exit("not a Zabbix 6.0 export: version " + export["version"])
    hosts = [arg.split("=", 1) for arg in args[1:]]
    ids = Ids()
    out = ["START TRANSACTION;"]
    group = ids()
    group_name = export["groups"][0]["name"]
    out.append("INSERT INTO hstgrp (groupid,name,internal,flags) SELECT %d,%s,0,0 WHERE NOT EXISTS "
               "(SELECT 1 FROM hstgrp WHERE name=%s);" % (group, q(group_name), q(group_name)))
    for t in export["templates"]:
        tid = ids()
        out.append(insert("hosts", hostid=tid, host=t["template"], name=t["name"], status=3, uuid=t["uuid"],
                          description=t.get("description", "")))
        out.append("INSERT INTO hosts_groups (hostgroupid,hostid,groupid) SELECT %d,%d,groupid FROM hstgrp "
                   "WHERE name=%s;" % (ids(), tid, q(group_name)))
        targets = [(tid, None, None)]
        for host, ip in hosts:
            hid, iid = ids(), ids()
            out.append(insert("hosts", hostid=hid, host=host, name=host, status=0))
            out.append(insert("interface", interfaceid=iid, hostid=hid, main=1, type=2, useip=1, ip=ip, port="161"))
            out.append(insert("interface_snmp", interfaceid=iid, version=2, bulk=1, community="{$SNMP_COMMUNITY}"))
            out.append(insert("hosts_templates", hosttemplateid=ids(), hostid=hid, templateid=tid))
            targets.append((hid, iid, host))
        template_items, template_triggers = {}, {}
        for hostid, interfaceid, host in targets:
            item_ids = {}
            for item in t["items"]:
                itemid = ids()
                item_ids[item["key"]] = itemid
                if host is None:
                    template_items[item["key"]] = itemid
                out.append(item_row(item, itemid, hostid, interfaceid,
                                    None if host is None else template_items[item["key"]],
                                    item["uuid"] if host is None else "", 0, delay))
                out.append(insert("item_rtdata", itemid=itemid))
            for rule in t.get("discovery_rules", []):
                ruleid = ids()
                if host is None:
                    template_items[rule["key"]] = ruleid
                out.append(item_row(rule, ruleid, hostid, interfaceid,
                                    None if host is None else template_items[rule["key"]],
                                    rule["uuid"] if host is None else "", FLAG_RULE, delay))
                out.append(insert("item_rtdata", itemid=ruleid))
                for proto in rule.get("item_prototypes", []):
                    protoid = ids()
                    if host is None:
                        template_items[proto["key"]] = protoid
                    out.append(item_row(proto, protoid, hostid, interfaceid,
                                        None if host is None else template_items[proto["key"]],
                                        proto["uuid"] if host is None else "", FLAG_PROTOTYPE, delay))
                    out.append(insert("item_discovery", itemdiscoveryid=ids(), itemid=protoid, parent_itemid=ruleid))
                    for step, pre in enumerate(proto.get("preprocessing", []), start=1):
                        out.append(insert("item_preproc", item_preprocid=ids(), itemid=protoid, step=step,
                                          type=PREPROCESSING[pre["type"]],
                                          params="\n".join(pre.get("parameters", []))))
            for item in t["items"]:
                for trig in item.get("triggers", []):
                    trigger_id = ids()
                    if host is None:
                        template_triggers[trig["uuid"]] = trigger_id
                    functions = []  # written after the trigger row they refer to
                    expression = rewrite(trig["expression"], t["template"], item_ids, trigger_id, ids, functions)
                    recovery = rewrite(trig.get("recovery_expression", ""), t["template"], item_ids, trigger_id,
                                       ids, functions)
                    out.append(insert(
                        "triggers", triggerid=trigger_id, expression=expression, recovery_expression=recovery,
                        recovery_mode={"EXPRESSION": 0, "RECOVERY_EXPRESSION": 1, "NONE": 2}[
                            trig.get("recovery_mode", "EXPRESSION")],
                        description=trig["name"], event_name=trig.get("event_name", ""),
                        comments=trig.get("description", ""), priority=SEVERITY[trig.get("priority", "NOT_CLASSIFIED")],
                        type={"SINGLE": 0, "MULTIPLE": 1}[trig.get("type", "SINGLE")],
                        correlation_mode={"DISABLED": 0, "TAG_VALUE": 1}[trig.get("correlation_mode", "DISABLED")],
                        correlation_tag=trig.get("correlation_tag", ""),
                        manual_close={"NO": 0, "YES": 1}[trig.get("manual_close", "NO")],
                        templateid=None if host is None else template_triggers[trig["uuid"]],
                        uuid=trig["uuid"] if host is None else ""))
                    out.extend(functions)
                    for tag in trig.get("tags", []):
                        out.append(insert("trigger_tag", triggertagid=ids(), triggerid=trigger_id, tag=tag["tag"],
                                          value=tag.get("value", "")))
    out.append("COMMIT;")
    print("\n".join(out))


if __name__ == "__main__":
    main()
