#!/usr/bin/env python3
"""Turns a check set (STATUS | date | amount | currency | refs | channel | lang | text) into replies.jsonl lines."""
import json
import sys

TYPES = {"ADMIN_DISPUTE": "DISPUTE", "COMMERCIAL_DISPUTE": "DISPUTE", "DELIVERY_DISPUTE": "DISPUTE",
         "CREDIT_NOTE_EXPECTED": "DISPUTE", "PAYMENT_PROMISE": "PROMISE", "PAYMENT_PLAN_REQUEST": "PROMISE",
         "ALREADY_PAID": "PAYMENT", "PAYMENT_IN_PROGRESS": "PAYMENT", "COPY_REQUEST": "INFO",
         "DOCUMENT_REQUEST": "INFO", "WRONG_CONTACT": "INFO", "FINANCIAL_DIFFICULTY": "RISK",
         "OUT_OF_OFFICE": "NONE", "NO_ACTION": "NONE"}

for path in sys.argv[1:]:
    name = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    n = 0
    for line in open(path, encoding="utf-8"):
        if not line.strip() or line.startswith("#"):
            continue
        status, date, amount, currency, refs, channel, lang, text = [p.strip() for p in line.split(" | ", 7)]
        n += 1
        web = channel == "web"
        subject = None
        if not web:
            auto = channel == "auto"  # an auto-responder's subject
            subject = ("Réponse automatique : " if lang == "fr" else "Automatic reply: ") if auto else "RE: "
            subject += "Relance facture" if lang == "fr" else "Payment reminder"
        print(json.dumps({
            "id": f"{name}-{n:03d}", "lang": lang, "channel": "web_form" if web else "email", "subject": subject,
            "text": text.replace("\\n", "\n"), "status": status, "type": TYPES[status], "secondary_status": None,
            "invoice_refs": [] if refs == "-" else [r.strip() for r in refs.split(",")],
            "promised_date": None if date == "-" else date,
            "amount": None if amount == "-" else float(amount), "currency": None if currency == "-" else currency,
            "summary": ""}, ensure_ascii=False))
