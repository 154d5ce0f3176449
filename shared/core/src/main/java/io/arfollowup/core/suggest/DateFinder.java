package io.arfollowup.core.suggest;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds dates in a reply and resolves relative phrases ("vendredi prochain", "fin de mois", "sous huitaine",
 * "next Tuesday", "end of next week", "le 5", "mid-January") against the day the reply was received, in the
 * customer's zone. Works on folded text (lower case, no accents).
 */
final class DateFinder {

    /** A date found at [start, end) of the text. */
    record Found(LocalDate date, int start, int end) {
    }

    private static final String MONTHS = "janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre"
            + "|decembre|january|february|march|april|may|june|july|august|september|october|november|december"
            + "|janv|fevr?|avr|juil|sept|oct|nov|dec|jan|feb|mar|apr|jun|jul|aug|sep"
            + "|januar|februar|marz|juni|juli|oktober|dezember|enero|febrero|marzo|abril|mayo|junio|julio|agosto"
            + "|septiembre|octubre|noviembre|diciembre|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre"
            + "|ottobre|dicembre";
    private static final Map<String, Integer> MONTH = months();
    private static final String DAYS = "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday"
            + "|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|lunes|martes|miercoles"
            + "|jueves|viernes|lunedi|martedi|mercoledi|giovedi|venerdi";
    private static final Map<String, DayOfWeek> DAY = days();
    private static final String NUM = "\\d{1,3}|un|une|deux|trois|quatre|cinq|six|sept|huit|dix|quinze|vingt|trente"
            + "|one|a|two|three|four|five|six|seven|eight|ten|fifteen|twenty|thirty";

    private static final Pattern P_NUMERIC = Pattern.compile(
            "(?<![\\d/.])(\\d{1,2})[/.](\\d{1,2})(?:[/.](\\d{4}|\\d{2}))?(?![\\d/]|\\.\\d)");
    private static final Pattern P_ISO = Pattern.compile("\\b(20\\d\\d)-(\\d{2})-(\\d{2})\\b");
    private static final Pattern P_DAY_MONTH = Pattern.compile(
            "\\b(\\d{1,2})(?:er|st|nd|rd|th|e|\\.)?\\s+(?:de\\s+|of\\s+|di\\s+)?(" + MONTHS + ")\\.?(?:\\s+(\\d{4}))?\\b");
    private static final Pattern P_MONTH_DAY = Pattern.compile(
            "\\b(" + MONTHS + ")\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4}))?");
    private static final Pattern P_WEEKDAY = Pattern.compile(
            "\\b(?:(next|this|coming|ce|cette|prochain|el proximo|il prossimo|nachsten|kommenden)\\s+)?(" + DAYS
                    + ")(?:\\s+(prochain|week|next|qui vient|en huit|prossimo|proximo))?\\b");
    private static final Pattern P_RELATIVE = Pattern.compile(
            "\\b(fin de la semaine prochaine|end of next week|fin du mois prochain|end of next month"
                    + "|debut du mois prochain|early next month|beginning of next month|start of next month"
                    + "|a week tomorrow|tomorrow week|a week today"
                    + "|fin de mes|final de mes|finales de mes|final del mes|antes de que (?:termine|acabe) el mes"
                    + "|fine mese|fine del mese|monatsende|ende des monats|ende dieses monats"
                    + "|apres-demain|apres demain|day after tomorrow|demain|tomm?orr?ow|manana|domani|morgen|aujourd'hui"
                    + "|today|ce jour|heute|hoy|oggi|cette semaine|this week|d'ici (la )?fin de (la |cette )?semaine(?! prochaine)"
                    + "|fin de (cette |la )?semaine(?! prochaine)|end of (this |the )?week|by the weekend|fin de la semaine prochaine"
                    + "|end of next week|la semaine prochaine|semaine prochaine|next week|sous huitaine|sous 8 jours"
                    + "|sous quinzaine|sous quinze jours|fortnight|fin (de |du )?(ce )?mois|fin du mois|fin de mois"
                    + "|end of (the |this )?month|month[- ]end|end of next month|fin du mois prochain"
                    + "|le mois prochain|next month|fin de l'annee|end of the year|year[- ]end)\\b");
    private static final Pattern P_WITHIN = Pattern.compile(
            "\\b(sous|dans|d'ici|within|in|en|innerhalb von|entro|dentro de|en los proximos)\\s+(les\\s+|the\\s+next\\s+"
                    + "|the\\s+|next\\s+|los\\s+)?(" + NUM + ")\\s+(jours|jour|semaines|semaine|mois|days|day|weeks"
                    + "|week|months|month|tagen|wochen|giorni|settimane|dias|semanas)\\b");
    private static final Pattern P_MONTH_PART = Pattern.compile(
            "\\b(fin|mi|mid|debut|early|late|end of|beginning of|ende|finales de|meta|fine|inizio|principios de)"
                    + "[- ]?(" + MONTHS + ")\\b");
    private static final Pattern P_DAY_ONLY = Pattern.compile(
            "\\b(le|the|on the|by the|au plus tard le|avant le|del dia|el dia|il giorno|entro il)\\s+(\\d{1,2})(?:(?:er|st|nd|rd|th)\\b|"
                    + "(?=\\s*([.,;!?)]|$|au plus|at the latest|prochain|de ce mois|du mois|of (this|the) month|"
                    + "par|by|via|comme|sans faute|normalement|maxi|max\\b|dernier delai|promis|as agreed|as promised"
                    + "|latest|at the latest)))");

    private static final Pattern P_WEEKDAY_DAY = Pattern.compile(
            "\\b(" + DAYS + ")\\s+(?:the\\s+|le\\s+)?(\\d{1,2})(?:er|st|nd|rd|th)?\\b(?!\\s*[/.:h]\\d)");
    private static final Pattern P_WEEK_NUMBER = Pattern.compile("\\b(semaine|week|sem\\.?|wk|kw|kalenderwoche)\\s*(\\d{1,2})\\b");

    private DateFinder() {
    }

    /** Every date found, in text order. */
    static List<Found> find(String folded, LocalDate today, boolean monthFirst) {
        List<Found> out = new ArrayList<>();
        Matcher m = P_ISO.matcher(folded);
        while (m.find()) {
            add(out, safe(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))),
                    m.start(), m.end());
        }
        m = P_NUMERIC.matcher(folded);
        while (m.find()) {
            int a = Integer.parseInt(m.group(1));
            int b = Integer.parseInt(m.group(2));
            int day = a;
            int month = b;
            if (b > 12 || (monthFirst && a <= 12)) {
                day = b;
                month = a;
            }
            if (month < 1 || month > 12 || day < 1 || day > 31) {
                continue;
            }
            Integer year = m.group(3) == null ? null : year(m.group(3));
            add(out, year == null ? nextOccurrence(today, month, day) : safe(year, month, day), m.start(), m.end());
        }
        m = P_DAY_MONTH.matcher(folded);
        while (m.find()) {
            Integer month = MONTH.get(m.group(2));
            int day = Integer.parseInt(m.group(1));
            if (month == null || day < 1 || day > 31) {
                continue;
            }
            LocalDate d = m.group(3) == null ? nextOccurrence(today, month, day)
                    : safe(Integer.parseInt(m.group(3)), month, day);
            add(out, d, m.start(), m.end());
        }
        m = P_MONTH_DAY.matcher(folded);
        while (m.find()) {
            Integer month = MONTH.get(m.group(1));
            int day = Integer.parseInt(m.group(2));
            if (month == null || day < 1 || day > 31 || overlaps(out, m.start())) {
                continue;
            }
            LocalDate d = m.group(3) == null ? nextOccurrence(today, month, day)
                    : safe(Integer.parseInt(m.group(3)), month, day);
            add(out, d, m.start(), m.end());
        }
        m = P_WEEKDAY_DAY.matcher(folded);
        while (m.find()) {
            int day = Integer.parseInt(m.group(2));
            if (day < 1 || day > 31 || overlaps(out, m.start(2))) {
                continue;
            }
            // "mardi 18": the next 18th (the weekday only confirms it)
            LocalDate d = today.getDayOfMonth() <= day && day <= today.lengthOfMonth() ? today.withDayOfMonth(day)
                    : nextOccurrence(today.plusMonths(1).withDayOfMonth(1), today.plusMonths(1).getMonthValue(), day);
            add(out, d, m.start(), m.end());
        }
        m = P_WEEK_NUMBER.matcher(folded);
        while (m.find()) {
            int week = Integer.parseInt(m.group(2));
            if (week < 1 || week > 53 || overlaps(out, m.start())) {
                continue;
            }
            LocalDate d = today.with(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                    .with(DayOfWeek.FRIDAY);
            if (d.isBefore(today.minusWeeks(20))) {
                d = d.plusYears(1).with(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                        .with(DayOfWeek.FRIDAY);
            }
            add(out, d, m.start(), m.end());
        }
        m = P_MONTH_PART.matcher(folded);
        while (m.find()) {
            Integer month = MONTH.get(m.group(2));
            if (month == null || overlaps(out, m.start())) {
                continue;
            }
            LocalDate first = nextOccurrence(today, month, 1);
            if (first.isBefore(today.withDayOfMonth(1))) {
                first = first.plusYears(1);
            }
            if (first.getMonthValue() == today.getMonthValue() && first.getYear() < today.getYear() + 1
                    && first.isBefore(today)) {
                first = today.withDayOfMonth(1);
            }
            if (first.isAfter(today.plusMonths(6))) {
                // "committed by the end of September" written in November: this year's, gone by, not next year's
                first = first.minusYears(1);
            }
            String part = m.group(1);
            LocalDate d = switch (part) {
                case "fin", "end of", "late", "ende", "finales de", "fine" -> first.with(TemporalAdjusters.lastDayOfMonth());
                case "mi", "mid", "meta" -> first.withDayOfMonth(15);
                default -> first.withDayOfMonth(5);
            };
            add(out, d, m.start(), m.end());
        }
        m = P_WITHIN.matcher(folded);
        while (m.find()) {
            int n = number(m.group(3));
            if (n <= 0) {
                continue;
            }
            String unit = m.group(4);
            LocalDate d;
            if (unit.startsWith("sem") || unit.startsWith("week") || unit.startsWith("woch") || unit.startsWith("sett")) {
                d = today.plusWeeks(n);
            } else if (unit.startsWith("mois") || unit.startsWith("month")) {
                d = today.plusMonths(n);
            } else {
                d = today.plusDays(n);
            }
            add(out, d, m.start(), m.end());
        }
        m = P_RELATIVE.matcher(folded);
        while (m.find()) {
            if (TERMS_BEFORE.matcher(folded.substring(Math.max(0, m.start() - 24), m.start())).find()) {
                continue; // "à 90 jours fin de mois", "60 days end of month": payment terms, not a day
            }
            if (folded.substring(Math.max(0, m.start() - 10), m.start()).matches("(?s).*\\b(bonne|good|nice|lovely|great)\\s+$")) {
                continue; // "bonne fin de semaine !", "have a good end of the week": a greeting, not a day
            }
            if (m.group(1).matches("ce jour|aujourd'hui|today|hoy|oggi|heute")
                    && AS_OF.matcher(folded.substring(Math.max(0, m.start() - 12), m.start())).find()) {
                continue; // "impayée à ce jour", "as of today": the state now, not a day for something to happen
            }
            LocalDate d = relative(m.group(1), today);
            if (d != null && !overlaps(out, m.start())) {
                add(out, d, m.start(), m.end());
            }
        }
        m = P_WEEKDAY.matcher(folded);
        while (m.find()) {
            if (overlaps(out, m.start()) || followedByDate(folded, m.end())
                    || recurring(folded, m.start(), m.end())) {
                continue;
            }
            DayOfWeek dow = DAY.get(m.group(2));
            LocalDate clarified = parenthesisedDay(folded, m.end(), today, dow);
            if (clarified != null) {
                add(out, clarified, m.start(), m.end());
                continue; // "next Friday's payments (14th)": the day in brackets says which Friday
            }
            if (namedAgain(out, m.end(), dow)) {
                continue; // "Friday's check run on 11/14": the explicit date that falls on that day says which Friday
            }
            LocalDate d = pastContext(folded, m.start(), m.group(1), m.group(3))
                    ? today.with(TemporalAdjusters.previous(dow))
                    : today.with(TemporalAdjusters.next(dow));
            String after = m.group(3);
            if ("week".equals(after) || "en huit".equals(after)) {
                d = d.plusWeeks(1);
            }
            add(out, d, m.start(), m.end());
        }
        m = P_DAY_ONLY.matcher(folded);
        while (m.find()) {
            int day = Integer.parseInt(m.group(2));
            if (day < 1 || day > 31 || overlaps(out, m.start(2))) {
                continue;
            }
            LocalDate d;
            if (pastContext(folded, m.start(), null, null)) {
                // "payé depuis le 2": the last such day, not the next one
                d = today.getDayOfMonth() >= day ? today.withDayOfMonth(day)
                        : safe(today.minusMonths(1).getYear(), today.minusMonths(1).getMonthValue(), day);
            } else {
                d = today.getDayOfMonth() < day && day <= today.lengthOfMonth()
                        ? today.withDayOfMonth(day)
                        : nextOccurrence(today.plusMonths(1).withDayOfMonth(1), today.plusMonths(1).getMonthValue(),
                        day);
            }
            add(out, d, m.start(), m.end());
        }
        out.sort((x, y) -> Integer.compare(x.start(), y.start()));
        return out;
    }

    private static final Pattern TERMS_BEFORE = Pattern.compile(
            "\\b(\\d{2,3}|trente|quarante-cinq|soixante|quatre-vingt-dix|thirty|forty-five|sixty|ninety) (jours|days|j)\\s*$");
    private static final Pattern AS_OF = Pattern.compile("(\\ba|jusqu'a|as of|as at|up to|to)\\s+$");
    private static final Pattern PAST_BEFORE = Pattern.compile(
            "\\b(depuis|since|ago|went out|went|paid|sent|mailed|posted|transferred|wired|settled|cleared"
                    // "payé le 2" is past, "je paye le 15" is not: a subject pronoun right before makes it present
                    + "|(?<!\\b(?:je|on|il|elle) )(?:payee?|reglee?|viree?|envoyee?)|emise?|effectuee?|encaissee?|debitee?"
                    + "|was (paid|sent|made|mailed|posted|transferred|settled)"
                    + "|were (paid|sent|made|mailed|posted)|has been|have been|a ete|ont ete|avons (paye|regle|vire|envoye"
                    + "|emis|fait)|ai (paye|regle|vire|envoye|emis|fait)|paid last|dernier|derniere|last"
                    // what was said or seen on a day is in the past: "confirmed on Monday", "on en a parlé lundi"
                    + "|confirmed|spoke|talked|discussed|mentioned|told us|said|met|called|rang|agreed"
                    // what a bank statement shows happened: "our bank shows the money leaving on the 30th"
                    + "|shows|showed|show"
                    // "le chèque est passé sur le compte le 29": gone through, arrived
                    + "|(est|sont|a ete|ont ete) (passee?s?|partie?s?|sortie?s?|arrivee?s?|tombee?s?|debitee?s?)"
                    + "|went through|hit (the|our|your) (account|bank)"
                    // "it was approved by the budget holder on Monday": a step already taken
                    + "|approved|released|signed off|authori[sz]ed|validated|booked|logged|registered|approuvee?|validee?"
                    + "|(a|ai|avons|avez|ont|as) (parle|discute|evoque|vu|echange|appele|telephone|confirme|dit|indique"
                    + "|convenu|rencontre))\\b[^.!?\\n]{0,25}$");
    private static final Pattern FUTURE_NEAR = Pattern.compile(
            "\\b(will|shall|sera|seront|va|vais|allons|vont|prochaine?|next|des|d'ici|avant|before)\\b|'ll\\b"
                    // "by Friday" looks ahead, "approved by the budget holder on Monday" does not
                    + "|\\bby\\s+(the\\s+|next\\s+|this\\s+|end of\\s+)?$");

    /** A day named after a verb of the past ("went out on Friday", "payé depuis le 2") is the last such day. */
    private static boolean pastContext(String folded, int start, String before, String after) {
        if ((before != null && !before.isEmpty()) || (after != null && !after.isEmpty())) {
            return false; // "next Friday", "ce vendredi", "vendredi prochain" look ahead
        }
        int from = Math.max(0, start - 40);
        String window = folded.substring(from, start);
        if (FUTURE_NEAR.matcher(window).find()) {
            return false;
        }
        if (PAST_BEFORE.matcher(window).find()) {
            return true;
        }
        int to = Math.min(folded.length(), start + 30);
        return folded.substring(start, to).matches("(?s)\\S+\\s+(dernier|derniere|last)\\b.*");
    }

    private static final Pattern PAREN_DAY = Pattern.compile("^[^()\\n]{0,20}\\((?:le |the )?(\\d{1,2})(?:er|st|nd|rd|th)?\\)");

    /** "Friday (14th)", "vendredi (le 14)": the coming day of that number, when it falls on the named weekday. */
    private static LocalDate parenthesisedDay(String folded, int end, LocalDate today, DayOfWeek dow) {
        Matcher p = PAREN_DAY.matcher(folded.substring(end, Math.min(folded.length(), end + 30)));
        if (!p.find()) {
            return null;
        }
        int day = Integer.parseInt(p.group(1));
        if (day < 1 || day > 31) {
            return null;
        }
        LocalDate d = today.getDayOfMonth() < day && day <= today.lengthOfMonth() ? today.withDayOfMonth(day)
                : nextOccurrence(today.plusMonths(1).withDayOfMonth(1), today.plusMonths(1).getMonthValue(), day);
        return d != null && d.getDayOfWeek() == dow ? d : null;
    }

    /** Whether a date already found a little after the weekday falls on that weekday. */
    private static boolean namedAgain(List<Found> found, int end, DayOfWeek dow) {
        for (Found f : found) {
            if (f.start() >= end && f.start() - end <= 40 && f.date().getDayOfWeek() == dow) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern CADENCE_BEFORE = Pattern.compile(
            // "je ne passe au local que le mardi soir": a habit, not a day for something to happen
            "\\b(every|each|chaque|tous les|jeden|cada|ogni|only on|que le)\\s+$");
    private static final Pattern CADENCE_AFTER = Pattern.compile(
            "^s?\\s+(of (each|every|the) month|du mois|de chaque mois|de tous les mois|del mes"
                    + "|de cada mes|del mese|im monat)\\b");

    /** "the first Wednesday of each month", "chaque vendredi": a cadence, not a day promised. */
    private static boolean recurring(String folded, int start, int end) {
        return CADENCE_BEFORE.matcher(folded.substring(Math.max(0, start - 12), start)).find()
                || CADENCE_AFTER.matcher(folded.substring(end, Math.min(folded.length(), end + 20))).find();
    }

    private static boolean followedByDate(String folded, int end) {
        int to = Math.min(folded.length(), end + 4);
        return folded.substring(end, to).matches("\\s*\\d.*");
    }

    private static LocalDate relative(String phrase, LocalDate today) {
        LocalDate friday = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
        if (phrase.startsWith("apres") || phrase.startsWith("day after")) {
            return today.plusDays(2);
        }
        if (phrase.equals("a week tomorrow") || phrase.equals("tomorrow week")) {
            return today.plusDays(8);
        }
        if (phrase.equals("a week today")) {
            return today.plusDays(7);
        }
        if (phrase.matches("(fin|final|finales) del? mes|antes de que .*|fine (del )?mese|monatsende|ende d.*")) {
            LocalDate end = today.with(TemporalAdjusters.lastDayOfMonth());
            return end.equals(today) ? today.plusMonths(1).with(TemporalAdjusters.lastDayOfMonth()) : end;
        }
        if (phrase.matches("tomm?orr?ow")) {
            return today.plusDays(1);
        }
        return switch (phrase) {
            case "demain", "manana", "domani", "morgen" -> today.plusDays(1);
            case "aujourd'hui", "today", "ce jour", "heute", "hoy", "oggi" -> today;
            case "sous huitaine", "sous 8 jours" -> today.plusDays(8);
            case "sous quinzaine", "sous quinze jours" -> today.plusDays(15);
            case "fortnight" -> today.plusDays(14);
            case "fin de la semaine prochaine", "end of next week", "la semaine prochaine", "semaine prochaine",
                 "next week" -> friday.plusWeeks(1);
            case "debut du mois prochain", "early next month", "beginning of next month", "start of next month" ->
                    today.plusMonths(1).withDayOfMonth(5);
            case "end of next month", "fin du mois prochain", "le mois prochain", "next month" ->
                    today.plusMonths(1).with(TemporalAdjusters.lastDayOfMonth());
            case "fin de l'annee", "end of the year", "year-end", "year end" -> today.withMonth(12).withDayOfMonth(31);
            default -> {
                if (phrase.contains("semaine") || phrase.contains("week")) {
                    yield friday;
                }
                if (phrase.contains("mois") || phrase.contains("month")) {
                    LocalDate end = today.with(TemporalAdjusters.lastDayOfMonth());
                    yield end.equals(today) ? today.plusMonths(1).with(TemporalAdjusters.lastDayOfMonth()) : end;
                }
                yield null;
            }
        };
    }

    private static void add(List<Found> out, LocalDate d, int start, int end) {
        if (d != null && !overlaps(out, start)) {
            out.add(new Found(d, start, end));
        }
    }

    private static boolean overlaps(List<Found> out, int pos) {
        for (Found f : out) {
            if (pos >= f.start() && pos < f.end()) {
                return true;
            }
        }
        return false;
    }

    /** The first date on or after... the year that puts month/day closest: dates up to 4 months back stay past. */
    private static LocalDate nextOccurrence(LocalDate today, int month, int day) {
        LocalDate d = safe(today.getYear(), month, day);
        if (d == null) {
            return null;
        }
        if (d.isBefore(today.minusMonths(4))) {
            d = safe(today.getYear() + 1, month, day);
        } else if (d.isAfter(today.plusMonths(8))) {
            d = safe(today.getYear() - 1, month, day);
        }
        return d;
    }

    private static LocalDate safe(int y, int m, int d) {
        try {
            return LocalDate.of(y, m, Math.min(d, LocalDate.of(y, m, 1).lengthOfMonth()));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Integer year(String y) {
        int v = Integer.parseInt(y);
        return y.length() == 2 ? 2000 + v : v;
    }

    private static int number(String n) {
        if (n.matches("\\d+")) {
            return Integer.parseInt(n);
        }
        return switch (n) {
            case "un", "une", "one", "a" -> 1;
            case "deux", "two" -> 2;
            case "trois", "three" -> 3;
            case "quatre", "four" -> 4;
            case "cinq", "five" -> 5;
            case "six" -> 6;
            case "sept", "seven" -> 7;
            case "huit", "eight" -> 8;
            case "dix", "ten" -> 10;
            case "quinze", "fifteen" -> 15;
            case "vingt", "twenty" -> 20;
            case "trente", "thirty" -> 30;
            default -> 0;
        };
    }

    private static Map<String, Integer> months() {
        Map<String, Integer> m = new java.util.HashMap<>();
        String[][] names = {
            {"janvier", "january", "janv", "jan", "januar", "enero", "gennaio"},
            {"fevrier", "february", "fevr", "fev", "feb", "februar", "febrero", "febbraio"},
            {"mars", "march", "mar", "marz", "marzo"},
            {"avril", "april", "avr", "apr", "abril", "aprile"},
            {"mai", "may", "mayo", "maggio"},
            {"juin", "june", "jun", "juni", "junio", "giugno"},
            {"juillet", "july", "juil", "jul", "juli", "julio", "luglio"},
            {"aout", "august", "aug", "agosto"},
            {"septembre", "september", "sept", "sep", "septiembre", "settembre"},
            {"octobre", "october", "oct", "oktober", "octubre", "ottobre"},
            {"novembre", "november", "nov", "noviembre"},
            {"decembre", "december", "dec", "dezember", "diciembre", "dicembre"}};
        for (int i = 0; i < names.length; i++) {
            for (String n : names[i]) {
                m.put(n, i + 1);
            }
        }
        return Map.copyOf(m);
    }

    private static Map<String, DayOfWeek> days() {
        Map<String, DayOfWeek> m = new java.util.HashMap<>();
        String[][] names = {
            {"lundi", "monday", "montag", "lunes", "lunedi"},
            {"mardi", "tuesday", "dienstag", "martes", "martedi"},
            {"mercredi", "wednesday", "mittwoch", "miercoles", "mercoledi"},
            {"jeudi", "thursday", "donnerstag", "jueves", "giovedi"},
            {"vendredi", "friday", "freitag", "viernes", "venerdi"},
            {"samedi", "saturday"},
            {"dimanche", "sunday"}};
        for (int i = 0; i < names.length; i++) {
            for (String n : names[i]) {
                m.put(n, DayOfWeek.of(i + 1));
            }
        }
        return Map.copyOf(m);
    }
}
