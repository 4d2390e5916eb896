package io.huiwen.extract;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates written the European and American way, in the languages of the pages we read: day first with
 * dots ("14.05.2024"), a month's name after the day ("31. März 2003", "19 November 2019", "12 de marzo de
 * 2021", "12 marca 2021") or before it ("August 19, 2019", "Apr 7, 2009"). Slashed dates are left
 * alone: 05/04/2021 is April in one country and May in another.
 */
final class MonthNames {
    private static final Map<String, Integer> MONTHS = new HashMap<>();
    private static final String WORD = "(\\p{L}{3,12})\\.?";
    /** A two-digit year with the time glued on ("28.09.19" + "12:44" → "28.09.1912:44") is not the year 1912. */
    private static final Pattern DOTTED = Pattern.compile("(?<![\\d.])(\\d{1,2})\\.\\s?(\\d{1,2})\\.\\s?((?:19|20)\\d{2})(?![\\d:])");
    private static final Pattern DAY_MONTH = Pattern.compile(
            "(?<![\\d.])(\\d{1,2})(?:\\.|er|º)?\\s+(?:de\\s+)?" + WORD + ",?\\s+(?:de\\s+)?((?:19|20)\\d{2})(?!\\d)",
            Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern MONTH_DAY = Pattern.compile(
            "(?<!\\p{L})" + WORD + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d{2})(?!\\d)", Pattern.UNICODE_CHARACTER_CLASS);

    static {
        String[][] names = {
            {"january", "jan", "januar", "jänner", "janvier", "janv", "enero", "ene", "stycznia", "styczeń", "gennaio"},
            {"february", "feb", "februar", "feber", "février", "févr", "fevrier", "febrero", "lutego", "luty", "febbraio"},
            {"march", "mar", "märz", "mär", "mrz", "maerz", "mars", "marzo", "marca", "marzec"},
            {"april", "apr", "avril", "avr", "abril", "abr", "kwietnia", "kwiecień", "aprile"},
            {"may", "mai", "mayo", "maja", "maj", "maggio"},
            {"june", "jun", "juni", "juin", "junio", "czerwca", "czerwiec", "giugno"},
            {"july", "jul", "juli", "juillet", "juil", "julio", "lipca", "lipiec", "luglio"},
            {"august", "aug", "août", "aout", "agosto", "ago", "sierpnia", "sierpień"},
            {"september", "sep", "sept", "septembre", "septiembre", "setiembre", "września", "wrzesień", "settembre"},
            {"october", "oct", "oktober", "okt", "octobre", "octubre", "października", "październik", "ottobre"},
            {"november", "nov", "novembre", "noviembre", "listopada", "listopad"},
            {"december", "dec", "dezember", "dez", "décembre", "déc", "decembre", "diciembre", "dic", "grudnia", "grudzień", "dicembre"},
        };
        for (int m = 0; m < names.length; m++) {
            for (String n : names[m]) {
                MONTHS.put(n, m + 1);
            }
        }
    }

    private MonthNames() {}

    /** The first such date in {@code text}, or null. */
    static LocalDate find(String text) {
        LocalDate best = null;
        int at = Integer.MAX_VALUE;
        Matcher m = DOTTED.matcher(text);
        if (m.find()) {
            best = date(m.group(3), Integer.parseInt(m.group(2)), m.group(1));
            at = best == null ? at : m.start();
        }
        m = DAY_MONTH.matcher(text);
        while (m.find() && m.start() < at) {
            LocalDate d = date(m.group(3), month(m.group(2)), m.group(1));
            if (d != null) {
                best = d;
                at = m.start();
                break;
            }
        }
        m = MONTH_DAY.matcher(text);
        while (m.find() && m.start() < at) {
            LocalDate d = date(m.group(3), month(m.group(1)), m.group(2));
            if (d != null) {
                return d;
            }
        }
        return best;
    }

    private static int month(String word) {
        return MONTHS.getOrDefault(word.toLowerCase(Locale.ROOT), 0);
    }

    private static LocalDate date(String year, int month, String day) {
        if (month == 0) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(year), month, Integer.parseInt(day));
        } catch (DateTimeException e) {
            return null;
        }
    }
}
