//! What an organisation of each kind is called when the profile is silent.

use super::model::OrgKind;

pub(crate) struct KindDefaults {
    pub short: &'static str,
    pub party_org: &'static str,
    pub superior: &'static str,
    pub units: &'static str,
    pub staff: &'static str,
    pub addressees: &'static [&'static str],
}

pub(crate) fn for_kind(kind: OrgKind) -> KindDefaults {
    match kind {
        OrgKind::Hospital => KindDefaults {
            short: "我院",
            party_org: "院党委",
            superior: "上级卫生健康部门党组织",
            units: "各党支部",
            staff: "全院干部职工",
            addressees: &["各科室", "各党支部"],
        },
        OrgKind::County => KindDefaults {
            short: "全县",
            party_org: "县委",
            superior: "市委",
            units: "各级党组织",
            staff: "全县广大党员干部",
            addressees: &["各乡镇党委", "县直各部门党组（党委）"],
        },
        OrgKind::Traffic => KindDefaults {
            short: "我局",
            party_org: "局党委",
            superior: "市委、市政府",
            units: "各科室、各直属单位",
            staff: "全系统干部职工",
            addressees: &["局机关各科室", "各直属单位"],
        },
        OrgKind::Generic => KindDefaults {
            short: "我们",
            party_org: "党组织",
            superior: "上级党组织",
            units: "各部门",
            staff: "全体干部职工",
            addressees: &["各部门"],
        },
    }
}
