/// The levels of the Indonesian comparisons, by name. The comparer returns these raw values,
/// the evidence rules, the weigher and the trainer test against them, and ``Comparator/levels``
/// turns them into ``ComparisonLevel``s: one definition, no integer protocol between files.
enum IndonesianLevel {
    /// NIK levels: which part of the 16 digits differs, and how.
    enum NIK: UInt8, CaseIterable {
        case exact, excelZeroedTail, oneEdit, oneEditInSerial, serialDiffers, twoEdits, different, shared, differentConfirmed

        /// The last of the agreement levels whose u is measured on NIK neighbourhoods (see
        /// ``ModelTrainer/nikNeighbourhoodU(sampleSize:)``).
        static let closeAgreement = NIK.serialDiffers

        var definition: ComparisonLevel {
            switch self {
            case .exact: return ComparisonLevel("exact", "the same 16 digits", m: 0.848)
            case .excelZeroedTail: return ComparisonLevel("excel_zeroed_tail", "equal but for the tail Excel zeroed (in one of them, or in both: two serials 0001 and 0002 both become 0000)", m: 0.03)
            case .oneEdit: return ComparisonLevel("one_edit", "one substitution or adjacent transposition outside the serial", m: 0.05)
            case .oneEditInSerial: return ComparisonLevel("one_edit_in_serial", "one substitution or transposition in the serial (last 4 digits)", m: 0.02)
            case .serialDiffers: return ComparisonLevel("serial_differs", "same region and birth date, another serial", m: 0.005)
            case .twoEdits: return ComparisonLevel("two_edits", "two digits differ, or a dropped or doubled digit", m: 0.02)
            case .different: return ComparisonLevel("different", "different numbers", m: 0.02)
            case .shared: return ComparisonLevel("shared", "the same 16 digits on records with unrelated names (no token in common) whose birth dates or sexes contradict each other or the NIK, or whose homes are apart: a NIK typed for someone else, reused, or a serial typo landing on a neighbour's; no evidence either way (weight 0)", m: 0.002)
            case .differentConfirmed: return ComparisonLevel("different_confirmed", "different, each confirmed by its own record's birth date: two people", m: 0.005)
            }
        }
    }

    /// Name levels, from the same spelling to different names.
    enum Name: UInt8, CaseIterable {
        case exact, phonetic, reordered, oneEdit, similarHigh, tokensContained, similarMedium, firstName, different

        var definition: ComparisonLevel {
            switch self {
            case .exact: return ComparisonLevel("exact", "the same standardized name (term-frequency adjusted)", m: 0.7)
            case .phonetic: return ComparisonLevel("phonetic", "the same after folding old and new spellings and running the words together", m: 0.08)
            case .reordered: return ComparisonLevel("reordered", "the same tokens in another order", m: 0.03)
            case .oneEdit: return ComparisonLevel("one_edit", "phonetic keys one edit apart (a typo, tokens run together)", m: 0.05)
            case .similarHigh: return ComparisonLevel("similar_high", "Jaro-Winkler at or above high_similarity", m: 0.04)
            case .tokensContained: return ComparisonLevel("tokens_contained", "one name's tokens all in the other (dropped tokens, initials)", m: 0.04)
            case .similarMedium: return ComparisonLevel("similar_medium", "Jaro-Winkler at or above medium_similarity", m: 0.03)
            case .firstName: return ComparisonLevel("first_name", "the same first given name only", m: 0.01)
            case .different: return ComparisonLevel("different", "different names", m: 0.02)
            }
        }
    }

    /// Birth-date levels, when the NIKs did not already compare the date.
    enum BirthDate: UInt8, CaseIterable {
        case exact, exactPlaceholder, dayMonthSwapped, yearOff, yearOnly, onePartDiffers, withinAYear, different

        var definition: ComparisonLevel {
            switch self {
            case .exact: return ComparisonLevel("exact", "the same date (term-frequency adjusted)", m: 0.77)
            case .exactPlaceholder: return ComparisonLevel("exact_placeholder", "the same placeholder date (1 January, 1 July, 31 December)", m: 0.05)
            case .dayMonthSwapped: return ComparisonLevel("day_month_swapped", "day and month swapped", m: 0.03)
            case .yearOff: return ComparisonLevel("year_off", "the same day and month, the year one off or one digit apart", m: 0.04)
            case .yearOnly: return ComparisonLevel("year_only", "the same year, one date a placeholder (1 January, 1 July, 31 December): only the year was known", m: 0.02)
            case .onePartDiffers: return ComparisonLevel("one_part_differs", "the same year and one of day or month", m: 0.05)
            case .withinAYear: return ComparisonLevel("within_a_year", "at most a year apart in whole months (a date worked out from an age)", m: 0.01)
            case .different: return ComparisonLevel("different", "different dates", m: 0.03)
            }
        }
    }

    /// Sex levels.
    enum Sex: UInt8, CaseIterable {
        case same, different

        var definition: ComparisonLevel {
            switch self {
            case .same: return ComparisonLevel("same", "the same sex", m: 0.97)
            case .different: return ComparisonLevel("different", "different sexes", m: 0.03)
            }
        }
    }

    /// Household levels: the family card, then the address from the house to the regency.
    enum Household: UInt8, CaseIterable {
        case sameKK, sameHouse, sameRTRW, sameVillage, sameDistrict, sameRegency, different

        var definition: ComparisonLevel {
            switch self {
            case .sameKK: return ComparisonLevel("same_kk", "the same family card (KK)", m: 0.6)
            case .sameHouse: return ComparisonLevel("same_house", "the same street and house number in one village", m: 0.1)
            case .sameRTRW: return ComparisonLevel("same_rt_rw", "the same RT and RW in one village", m: 0.1)
            case .sameVillage: return ComparisonLevel("same_village", "the same village", m: 0.08)
            case .sameDistrict: return ComparisonLevel("same_district", "the same district", m: 0.04)
            case .sameRegency: return ComparisonLevel("same_regency", "the same regency or city, another kecamatan or kelurahan", m: 0.03)
            case .different: return ComparisonLevel("different", "different regencies", m: 0.05)
            }
        }
    }

    /// Birth-place levels.
    enum BirthPlace: UInt8, CaseIterable {
        case exact, similar, different

        var definition: ComparisonLevel {
            switch self {
            case .exact: return ComparisonLevel("exact", "the same place", m: 0.85)
            case .similar: return ComparisonLevel("similar", "Jaro-Winkler at or above the similarity", m: 0.05)
            case .different: return ComparisonLevel("different", "different places", m: 0.1)
            }
        }
    }
}
