module @portbench {
  func.func public @main(%arg0: tensor<5x32xf32>, %arg1: tensor<2x8x5xf32> {tf.aliasing_output = 1 : i32}, %arg2: tensor<2x5x8xf32> {tf.aliasing_output = 2 : i32}, %arg3: tensor<32xf32>, %arg4: tensor<32x32xf32>, %arg5: tensor<16x32xf32>, %arg6: tensor<16x32xf32>, %arg7: tensor<32x32xf32>, %arg8: tensor<32xf32>, %arg9: tensor<4x32xf32>, %arg10: tensor<48x32xf32>, %arg11: tensor<48x32xf32>, %arg12: tensor<32x48xf32>, %arg13: tensor<48x32xf32>, %arg14: tensor<48x32xf32>, %arg15: tensor<32x48xf32>, %arg16: tensor<48x32xf32>, %arg17: tensor<48x32xf32>, %arg18: tensor<32x48xf32>, %arg19: tensor<48x32xf32>, %arg20: tensor<48x32xf32>, %arg21: tensor<32x48xf32>) -> (tensor<5x32xf32>, tensor<2x8x5xf32>, tensor<2x5x8xf32>) {
    %v1 = stablehlo.convert %arg0 : (tensor<5x32xf32>) -> tensor<5x32xbf16>
    %v2 = stablehlo.convert %v1 : (tensor<5x32xbf16>) -> tensor<5x32xf32>
    %v3 = stablehlo.convert %arg1 : (tensor<2x8x5xf32>) -> tensor<2x8x5xbf16>
    %v4 = stablehlo.convert %v3 : (tensor<2x8x5xbf16>) -> tensor<2x8x5xf32>
    %v5 = stablehlo.convert %arg2 : (tensor<2x5x8xf32>) -> tensor<2x5x8xbf16>
    %v6 = stablehlo.convert %v5 : (tensor<2x5x8xbf16>) -> tensor<2x5x8xf32>
    %v7 = stablehlo.convert %arg3 : (tensor<32xf32>) -> tensor<32xbf16>
    %v8 = stablehlo.convert %v7 : (tensor<32xbf16>) -> tensor<32xf32>
    %v9 = stablehlo.convert %arg4 : (tensor<32x32xf32>) -> tensor<32x32xbf16>
    %v10 = stablehlo.convert %v9 : (tensor<32x32xbf16>) -> tensor<32x32xf32>
    %v11 = stablehlo.convert %arg5 : (tensor<16x32xf32>) -> tensor<16x32xbf16>
    %v12 = stablehlo.convert %v11 : (tensor<16x32xbf16>) -> tensor<16x32xf32>
    %v13 = stablehlo.convert %arg6 : (tensor<16x32xf32>) -> tensor<16x32xbf16>
    %v14 = stablehlo.convert %v13 : (tensor<16x32xbf16>) -> tensor<16x32xf32>
    %v15 = stablehlo.convert %arg7 : (tensor<32x32xf32>) -> tensor<32x32xbf16>
    %v16 = stablehlo.convert %v15 : (tensor<32x32xbf16>) -> tensor<32x32xf32>
    %v17 = stablehlo.convert %arg8 : (tensor<32xf32>) -> tensor<32xbf16>
    %v18 = stablehlo.convert %v17 : (tensor<32xbf16>) -> tensor<32xf32>
    %v19 = stablehlo.convert %arg9 : (tensor<4x32xf32>) -> tensor<4x32xbf16>
    %v20 = stablehlo.convert %v19 : (tensor<4x32xbf16>) -> tensor<4x32xf32>
    %v21 = stablehlo.convert %arg10 : (tensor<48x32xf32>) -> tensor<48x32xbf16>
    %v22 = stablehlo.convert %v21 : (tensor<48x32xbf16>) -> tensor<48x32xf32>
    %v23 = stablehlo.convert %arg11 : (tensor<48x32xf32>) -> tensor<48x32xbf16>
    %v24 = stablehlo.convert %v23 : (tensor<48x32xbf16>) -> tensor<48x32xf32>
    %v25 = stablehlo.convert %arg12 : (tensor<32x48xf32>) -> tensor<32x48xbf16>
    %v26 = stablehlo.convert %v25 : (tensor<32x48xbf16>) -> tensor<32x48xf32>
    %v27 = stablehlo.convert %arg13 : (tensor<48x32xf32>) -> tensor<48x32xbf16>
    %v28 = stablehlo.convert %v27 : (tensor<48x32xbf16>) -> tensor<48x32xf32>
    %v29 = stablehlo.convert %arg14 : (tensor<48x32xf32>) -> tensor<48x32xbf16>
    %v30 = stablehlo.convert %v29 : (tensor<48x32xbf16>) -> tensor<48x32xf32>
    %v31 = stablehlo.convert %arg15 : (tensor<32x48xf32>) -> tensor<32x48xbf16>
    %v32 = stablehlo.convert %v31 : (tensor<32x48xbf16>) -> tensor<32x48xf32>
    %v33 = stablehlo.convert %arg16 : (tensor<48x32xf32>) -> tensor<48x32xbf16>
    %v34 = stablehlo.convert %v33 : (tensor<48x32xbf16>) -> tensor<48x32xf32>
    %v35 = stablehlo.convert %arg17 : (tensor<48x32xf32>) -> tensor<48x32xbf16>
    %v36 = stablehlo.convert %v35 : (tensor<48x32xbf16>) -> tensor<48x32xf32>
    %v37 = stablehlo.convert %arg18 : (tensor<32x48xf32>) -> tensor<32x48xbf16>
    %v38 = stablehlo.convert %v37 : (tensor<32x48xbf16>) -> tensor<32x48xf32>
    %v39 = stablehlo.convert %arg19 : (tensor<48x32xf32>) -> tensor<48x32xbf16>
    %v40 = stablehlo.convert %v39 : (tensor<48x32xbf16>) -> tensor<48x32xf32>
    %v41 = stablehlo.convert %arg20 : (tensor<48x32xf32>) -> tensor<48x32xbf16>
    %v42 = stablehlo.convert %v41 : (tensor<48x32xbf16>) -> tensor<48x32xf32>
    %v43 = stablehlo.convert %arg21 : (tensor<32x48xf32>) -> tensor<32x48xbf16>
    %v44 = stablehlo.convert %v43 : (tensor<32x48xbf16>) -> tensor<32x48xf32>
    %v45 = stablehlo.multiply %v2, %v2 : tensor<5x32xf32>
    %v47 = stablehlo.constant dense<0.000000000e+00> : tensor<f32>
    %v46 = stablehlo.reduce(%v45 init: %v47) applies stablehlo.add across dimensions = [1] : (tensor<5x32xf32>, tensor<f32>) -> tensor<5xf32>
    %v48 = stablehlo.constant dense<3.200000000e+01> : tensor<f32>
    %v49 = stablehlo.broadcast_in_dim %v48, dims = [] : (tensor<f32>) -> tensor<5xf32>
    %v50 = stablehlo.divide %v46, %v49 : tensor<5xf32>
    %v51 = stablehlo.constant dense<1.000000000e-05> : tensor<f32>
    %v52 = stablehlo.broadcast_in_dim %v51, dims = [] : (tensor<f32>) -> tensor<5xf32>
    %v53 = stablehlo.add %v50, %v52 : tensor<5xf32>
    %v54 = stablehlo.rsqrt %v53 : tensor<5xf32>
    %v55 = stablehlo.broadcast_in_dim %v54, dims = [0] : (tensor<5xf32>) -> tensor<5x32xf32>
    %v56 = stablehlo.multiply %v2, %v55 : tensor<5x32xf32>
    %v57 = stablehlo.broadcast_in_dim %v8, dims = [1] : (tensor<32xf32>) -> tensor<5x32xf32>
    %v58 = stablehlo.multiply %v56, %v57 : tensor<5x32xf32>
    %v59 = stablehlo.convert %v58 : (tensor<5x32xf32>) -> tensor<5x32xbf16>
    %v60 = stablehlo.convert %v59 : (tensor<5x32xbf16>) -> tensor<5x32xf32>
    %v61 = stablehlo.dot_general %v60, %v10, contracting_dims = [1] x [1] : (tensor<5x32xf32>, tensor<32x32xf32>) -> tensor<5x32xf32>
    %v62 = stablehlo.convert %v61 : (tensor<5x32xf32>) -> tensor<5x32xbf16>
    %v63 = stablehlo.convert %v62 : (tensor<5x32xbf16>) -> tensor<5x32xf32>
    %v64 = stablehlo.dot_general %v60, %v12, contracting_dims = [1] x [1] : (tensor<5x32xf32>, tensor<16x32xf32>) -> tensor<5x16xf32>
    %v65 = stablehlo.convert %v64 : (tensor<5x16xf32>) -> tensor<5x16xbf16>
    %v66 = stablehlo.convert %v65 : (tensor<5x16xbf16>) -> tensor<5x16xf32>
    %v67 = stablehlo.dot_general %v60, %v14, contracting_dims = [1] x [1] : (tensor<5x32xf32>, tensor<16x32xf32>) -> tensor<5x16xf32>
    %v68 = stablehlo.convert %v67 : (tensor<5x16xf32>) -> tensor<5x16xbf16>
    %v69 = stablehlo.convert %v68 : (tensor<5x16xbf16>) -> tensor<5x16xf32>
    %v70 = stablehlo.constant dense<[1.000000000e+00, 1.000000000e+00, 1.000000000e+00, 1.000000000e+00, 5.403022766e-01, 9.995000362e-01, 9.999995232e-01, 1.000000000e+00, -4.161468446e-01, 9.980006814e-01, 9.999979734e-01, 1.000000000e+00, -9.899924994e-01, 9.955033660e-01, 9.999955297e-01, 1.000000000e+00, -6.536436081e-01, 9.920106530e-01, 9.999920130e-01, 1.000000000e+00]> : tensor<20xf32>
    %v71 = stablehlo.reshape %v70 : (tensor<20xf32>) -> tensor<5x4xf32>
    %v72 = stablehlo.broadcast_in_dim %v71, dims = [1, 3] : (tensor<5x4xf32>) -> tensor<1x5x4x4xf32>
    %v73 = stablehlo.constant dense<[0.000000000e+00, 0.000000000e+00, 0.000000000e+00, 0.000000000e+00, 8.414709568e-01, 3.161750734e-02, 9.999998147e-04, 3.162277790e-05, 9.092974067e-01, 6.320339441e-02, 1.999998698e-03, 6.324555579e-05, 1.411200017e-01, 9.472609311e-02, 2.999995602e-03, 9.486833005e-05, -7.568024993e-01, 1.261540651e-01, 3.999989480e-03, 1.264911116e-04]> : tensor<20xf32>
    %v74 = stablehlo.reshape %v73 : (tensor<20xf32>) -> tensor<5x4xf32>
    %v75 = stablehlo.broadcast_in_dim %v74, dims = [1, 3] : (tensor<5x4xf32>) -> tensor<1x5x4x4xf32>
    %v76 = stablehlo.reshape %v63 : (tensor<5x32xf32>) -> tensor<1x5x4x8xf32>
    %v77 = stablehlo.slice %v76 [0:1, 0:5, 0:4, 0:4] : (tensor<1x5x4x8xf32>) -> tensor<1x5x4x4xf32>
    %v78 = stablehlo.slice %v76 [0:1, 0:5, 0:4, 4:8] : (tensor<1x5x4x8xf32>) -> tensor<1x5x4x4xf32>
    %v79 = stablehlo.multiply %v77, %v72 : tensor<1x5x4x4xf32>
    %v80 = stablehlo.multiply %v78, %v75 : tensor<1x5x4x4xf32>
    %v81 = stablehlo.subtract %v79, %v80 : tensor<1x5x4x4xf32>
    %v82 = stablehlo.multiply %v78, %v72 : tensor<1x5x4x4xf32>
    %v83 = stablehlo.multiply %v77, %v75 : tensor<1x5x4x4xf32>
    %v84 = stablehlo.add %v82, %v83 : tensor<1x5x4x4xf32>
    %v85 = stablehlo.concatenate %v81, %v84, dim = 3 : (tensor<1x5x4x4xf32>, tensor<1x5x4x4xf32>) -> tensor<1x5x4x8xf32>
    %v86 = stablehlo.reshape %v85 : (tensor<1x5x4x8xf32>) -> tensor<5x32xf32>
    %v87 = stablehlo.convert %v86 : (tensor<5x32xf32>) -> tensor<5x32xbf16>
    %v88 = stablehlo.convert %v87 : (tensor<5x32xbf16>) -> tensor<5x32xf32>
    %v89 = stablehlo.constant dense<[1.000000000e+00, 1.000000000e+00, 1.000000000e+00, 1.000000000e+00, 5.403022766e-01, 9.995000362e-01, 9.999995232e-01, 1.000000000e+00, -4.161468446e-01, 9.980006814e-01, 9.999979734e-01, 1.000000000e+00, -9.899924994e-01, 9.955033660e-01, 9.999955297e-01, 1.000000000e+00, -6.536436081e-01, 9.920106530e-01, 9.999920130e-01, 1.000000000e+00]> : tensor<20xf32>
    %v90 = stablehlo.reshape %v89 : (tensor<20xf32>) -> tensor<5x4xf32>
    %v91 = stablehlo.broadcast_in_dim %v90, dims = [1, 3] : (tensor<5x4xf32>) -> tensor<1x5x2x4xf32>
    %v92 = stablehlo.constant dense<[0.000000000e+00, 0.000000000e+00, 0.000000000e+00, 0.000000000e+00, 8.414709568e-01, 3.161750734e-02, 9.999998147e-04, 3.162277790e-05, 9.092974067e-01, 6.320339441e-02, 1.999998698e-03, 6.324555579e-05, 1.411200017e-01, 9.472609311e-02, 2.999995602e-03, 9.486833005e-05, -7.568024993e-01, 1.261540651e-01, 3.999989480e-03, 1.264911116e-04]> : tensor<20xf32>
    %v93 = stablehlo.reshape %v92 : (tensor<20xf32>) -> tensor<5x4xf32>
    %v94 = stablehlo.broadcast_in_dim %v93, dims = [1, 3] : (tensor<5x4xf32>) -> tensor<1x5x2x4xf32>
    %v95 = stablehlo.reshape %v66 : (tensor<5x16xf32>) -> tensor<1x5x2x8xf32>
    %v96 = stablehlo.slice %v95 [0:1, 0:5, 0:2, 0:4] : (tensor<1x5x2x8xf32>) -> tensor<1x5x2x4xf32>
    %v97 = stablehlo.slice %v95 [0:1, 0:5, 0:2, 4:8] : (tensor<1x5x2x8xf32>) -> tensor<1x5x2x4xf32>
    %v98 = stablehlo.multiply %v96, %v91 : tensor<1x5x2x4xf32>
    %v99 = stablehlo.multiply %v97, %v94 : tensor<1x5x2x4xf32>
    %v100 = stablehlo.subtract %v98, %v99 : tensor<1x5x2x4xf32>
    %v101 = stablehlo.multiply %v97, %v91 : tensor<1x5x2x4xf32>
    %v102 = stablehlo.multiply %v96, %v94 : tensor<1x5x2x4xf32>
    %v103 = stablehlo.add %v101, %v102 : tensor<1x5x2x4xf32>
    %v104 = stablehlo.concatenate %v100, %v103, dim = 3 : (tensor<1x5x2x4xf32>, tensor<1x5x2x4xf32>) -> tensor<1x5x2x8xf32>
    %v105 = stablehlo.reshape %v104 : (tensor<1x5x2x8xf32>) -> tensor<5x16xf32>
    %v106 = stablehlo.convert %v105 : (tensor<5x16xf32>) -> tensor<5x16xbf16>
    %v107 = stablehlo.convert %v106 : (tensor<5x16xbf16>) -> tensor<5x16xf32>
    %v108 = stablehlo.reshape %v107 : (tensor<5x16xf32>) -> tensor<1x5x2x8xf32>
    %v109 = stablehlo.transpose %v108, dims = [0, 2, 3, 1] : (tensor<1x5x2x8xf32>) -> tensor<1x2x8x5xf32>
    %v110 = stablehlo.reshape %v109 : (tensor<1x2x8x5xf32>) -> tensor<2x8x5xf32>
    %v111 = stablehlo.constant dense<0> : tensor<i32>
    %v112 = stablehlo.constant dense<0> : tensor<i32>
    %v113 = stablehlo.constant dense<0> : tensor<i32>
    %v114 = stablehlo.dynamic_update_slice %v4, %v110, %v111, %v112, %v113 : (tensor<2x8x5xf32>, tensor<2x8x5xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<2x8x5xf32>
    %v115 = stablehlo.reshape %v69 : (tensor<5x16xf32>) -> tensor<1x5x2x8xf32>
    %v116 = stablehlo.transpose %v115, dims = [0, 2, 1, 3] : (tensor<1x5x2x8xf32>) -> tensor<1x2x5x8xf32>
    %v117 = stablehlo.reshape %v116 : (tensor<1x2x5x8xf32>) -> tensor<2x5x8xf32>
    %v118 = stablehlo.constant dense<0> : tensor<i32>
    %v119 = stablehlo.constant dense<0> : tensor<i32>
    %v120 = stablehlo.constant dense<0> : tensor<i32>
    %v121 = stablehlo.dynamic_update_slice %v6, %v117, %v118, %v119, %v120 : (tensor<2x5x8xf32>, tensor<2x5x8xf32>, tensor<i32>, tensor<i32>, tensor<i32>) -> tensor<2x5x8xf32>
    %v122 = stablehlo.reshape %v88 : (tensor<5x32xf32>) -> tensor<1x5x2x2x8xf32>
    %v123 = stablehlo.transpose %v122, dims = [0, 2, 1, 3, 4] : (tensor<1x5x2x2x8xf32>) -> tensor<1x2x5x2x8xf32>
    %v124 = stablehlo.reshape %v123 : (tensor<1x2x5x2x8xf32>) -> tensor<2x10x8xf32>
    %v125 = stablehlo.dot_general %v124, %v114, batching_dims = [0] x [0], contracting_dims = [2] x [1] : (tensor<2x10x8xf32>, tensor<2x8x5xf32>) -> tensor<2x10x5xf32>
    %v126 = stablehlo.reshape %v125 : (tensor<2x10x5xf32>) -> tensor<1x2x5x2x5xf32>
    %v127 = stablehlo.constant dense<3.535533845e-01> : tensor<f32>
    %v128 = stablehlo.broadcast_in_dim %v127, dims = [] : (tensor<f32>) -> tensor<1x2x5x2x5xf32>
    %v129 = stablehlo.multiply %v126, %v128 : tensor<1x2x5x2x5xf32>
    %v130 = stablehlo.convert %v129 : (tensor<1x2x5x2x5xf32>) -> tensor<1x2x5x2x5xbf16>
    %v131 = stablehlo.convert %v130 : (tensor<1x2x5x2x5xbf16>) -> tensor<1x2x5x2x5xf32>
    %v132 = stablehlo.iota dim = 2 : tensor<1x2x5x2x5xi32>
    %v133 = stablehlo.constant dense<0> : tensor<i32>
    %v134 = stablehlo.broadcast_in_dim %v133, dims = [] : (tensor<i32>) -> tensor<1x2x5x2x5xi32>
    %v135 = stablehlo.add %v132, %v134 : tensor<1x2x5x2x5xi32>
    %v136 = stablehlo.iota dim = 4 : tensor<1x2x5x2x5xi32>
    %v137 = stablehlo.compare LE, %v136, %v135, SIGNED : (tensor<1x2x5x2x5xi32>, tensor<1x2x5x2x5xi32>) -> tensor<1x2x5x2x5xi1>
    %v138 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %v139 = stablehlo.broadcast_in_dim %v138, dims = [] : (tensor<f32>) -> tensor<1x2x5x2x5xf32>
    %v140 = stablehlo.select %v137, %v131, %v139 : tensor<1x2x5x2x5xi1>, tensor<1x2x5x2x5xf32>
    %v142 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %v141 = stablehlo.reduce(%v140 init: %v142) applies stablehlo.maximum across dimensions = [4] : (tensor<1x2x5x2x5xf32>, tensor<f32>) -> tensor<1x2x5x2xf32>
    %v143 = stablehlo.broadcast_in_dim %v141, dims = [0, 1, 2, 3] : (tensor<1x2x5x2xf32>) -> tensor<1x2x5x2x5xf32>
    %v144 = stablehlo.subtract %v140, %v143 : tensor<1x2x5x2x5xf32>
    %v145 = stablehlo.exponential %v144 : tensor<1x2x5x2x5xf32>
    %v147 = stablehlo.constant dense<0.000000000e+00> : tensor<f32>
    %v146 = stablehlo.reduce(%v145 init: %v147) applies stablehlo.add across dimensions = [4] : (tensor<1x2x5x2x5xf32>, tensor<f32>) -> tensor<1x2x5x2xf32>
    %v148 = stablehlo.broadcast_in_dim %v146, dims = [0, 1, 2, 3] : (tensor<1x2x5x2xf32>) -> tensor<1x2x5x2x5xf32>
    %v149 = stablehlo.divide %v145, %v148 : tensor<1x2x5x2x5xf32>
    %v150 = stablehlo.convert %v149 : (tensor<1x2x5x2x5xf32>) -> tensor<1x2x5x2x5xbf16>
    %v151 = stablehlo.convert %v150 : (tensor<1x2x5x2x5xbf16>) -> tensor<1x2x5x2x5xf32>
    %v152 = stablehlo.reshape %v151 : (tensor<1x2x5x2x5xf32>) -> tensor<2x10x5xf32>
    %v153 = stablehlo.dot_general %v152, %v121, batching_dims = [0] x [0], contracting_dims = [2] x [1] : (tensor<2x10x5xf32>, tensor<2x5x8xf32>) -> tensor<2x10x8xf32>
    %v154 = stablehlo.reshape %v153 : (tensor<2x10x8xf32>) -> tensor<1x2x5x2x8xf32>
    %v155 = stablehlo.transpose %v154, dims = [0, 2, 1, 3, 4] : (tensor<1x2x5x2x8xf32>) -> tensor<1x5x2x2x8xf32>
    %v156 = stablehlo.reshape %v155 : (tensor<1x5x2x2x8xf32>) -> tensor<5x32xf32>
    %v157 = stablehlo.convert %v156 : (tensor<5x32xf32>) -> tensor<5x32xbf16>
    %v158 = stablehlo.convert %v157 : (tensor<5x32xbf16>) -> tensor<5x32xf32>
    %v159 = stablehlo.dot_general %v158, %v16, contracting_dims = [1] x [1] : (tensor<5x32xf32>, tensor<32x32xf32>) -> tensor<5x32xf32>
    %v160 = stablehlo.convert %v159 : (tensor<5x32xf32>) -> tensor<5x32xbf16>
    %v161 = stablehlo.convert %v160 : (tensor<5x32xbf16>) -> tensor<5x32xf32>
    %v162 = stablehlo.add %v2, %v161 : tensor<5x32xf32>
    %v163 = stablehlo.convert %v162 : (tensor<5x32xf32>) -> tensor<5x32xbf16>
    %v164 = stablehlo.convert %v163 : (tensor<5x32xbf16>) -> tensor<5x32xf32>
    %v165 = stablehlo.multiply %v164, %v164 : tensor<5x32xf32>
    %v167 = stablehlo.constant dense<0.000000000e+00> : tensor<f32>
    %v166 = stablehlo.reduce(%v165 init: %v167) applies stablehlo.add across dimensions = [1] : (tensor<5x32xf32>, tensor<f32>) -> tensor<5xf32>
    %v168 = stablehlo.constant dense<3.200000000e+01> : tensor<f32>
    %v169 = stablehlo.broadcast_in_dim %v168, dims = [] : (tensor<f32>) -> tensor<5xf32>
    %v170 = stablehlo.divide %v166, %v169 : tensor<5xf32>
    %v171 = stablehlo.constant dense<1.000000000e-05> : tensor<f32>
    %v172 = stablehlo.broadcast_in_dim %v171, dims = [] : (tensor<f32>) -> tensor<5xf32>
    %v173 = stablehlo.add %v170, %v172 : tensor<5xf32>
    %v174 = stablehlo.rsqrt %v173 : tensor<5xf32>
    %v175 = stablehlo.broadcast_in_dim %v174, dims = [0] : (tensor<5xf32>) -> tensor<5x32xf32>
    %v176 = stablehlo.multiply %v164, %v175 : tensor<5x32xf32>
    %v177 = stablehlo.broadcast_in_dim %v18, dims = [1] : (tensor<32xf32>) -> tensor<5x32xf32>
    %v178 = stablehlo.multiply %v176, %v177 : tensor<5x32xf32>
    %v179 = stablehlo.convert %v178 : (tensor<5x32xf32>) -> tensor<5x32xbf16>
    %v180 = stablehlo.convert %v179 : (tensor<5x32xbf16>) -> tensor<5x32xf32>
    %v181 = stablehlo.dot_general %v180, %v20, contracting_dims = [1] x [1] : (tensor<5x32xf32>, tensor<4x32xf32>) -> tensor<5x4xf32>
    %v182 = stablehlo.convert %v181 : (tensor<5x4xf32>) -> tensor<5x4xbf16>
    %v183 = stablehlo.convert %v182 : (tensor<5x4xbf16>) -> tensor<5x4xf32>
    %v185 = stablehlo.constant dense<0xFF800000> : tensor<f32>
    %v184 = stablehlo.reduce(%v183 init: %v185) applies stablehlo.maximum across dimensions = [1] : (tensor<5x4xf32>, tensor<f32>) -> tensor<5xf32>
    %v186 = stablehlo.broadcast_in_dim %v184, dims = [0] : (tensor<5xf32>) -> tensor<5x4xf32>
    %v187 = stablehlo.subtract %v183, %v186 : tensor<5x4xf32>
    %v188 = stablehlo.exponential %v187 : tensor<5x4xf32>
    %v190 = stablehlo.constant dense<0.000000000e+00> : tensor<f32>
    %v189 = stablehlo.reduce(%v188 init: %v190) applies stablehlo.add across dimensions = [1] : (tensor<5x4xf32>, tensor<f32>) -> tensor<5xf32>
    %v191 = stablehlo.broadcast_in_dim %v189, dims = [0] : (tensor<5xf32>) -> tensor<5x4xf32>
    %v192 = stablehlo.divide %v188, %v191 : tensor<5x4xf32>
    %v193, %v194 = chlo.top_k(%v192, k = 2) : tensor<5x4xf32> -> (tensor<5x2xf32>, tensor<5x2xi32>)
    %v195 = stablehlo.slice %v193 [0:5, 1:2] : (tensor<5x2xf32>) -> tensor<5x1xf32>
    %v196 = stablehlo.reshape %v195 : (tensor<5x1xf32>) -> tensor<5xf32>
    %v197 = stablehlo.broadcast_in_dim %v196, dims = [0] : (tensor<5xf32>) -> tensor<5x4xf32>
    %v198 = stablehlo.compare GE, %v192, %v197, FLOAT : (tensor<5x4xf32>, tensor<5x4xf32>) -> tensor<5x4xi1>
    %v199 = stablehlo.constant dense<0.000000000e+00> : tensor<f32>
    %v200 = stablehlo.broadcast_in_dim %v199, dims = [] : (tensor<f32>) -> tensor<5x4xf32>
    %v201 = stablehlo.select %v198, %v192, %v200 : tensor<5x4xi1>, tensor<5x4xf32>
    %v203 = stablehlo.constant dense<0.000000000e+00> : tensor<f32>
    %v202 = stablehlo.reduce(%v201 init: %v203) applies stablehlo.add across dimensions = [1] : (tensor<5x4xf32>, tensor<f32>) -> tensor<5xf32>
    %v204 = stablehlo.broadcast_in_dim %v202, dims = [0] : (tensor<5xf32>) -> tensor<5x4xf32>
    %v205 = stablehlo.divide %v201, %v204 : tensor<5x4xf32>
    %v206 = stablehlo.convert %v205 : (tensor<5x4xf32>) -> tensor<5x4xbf16>
    %v207 = stablehlo.convert %v206 : (tensor<5x4xbf16>) -> tensor<5x4xf32>
    %v208 = stablehlo.constant dense<0.000000000e+00> : tensor<f32>
    %v209 = stablehlo.broadcast_in_dim %v208, dims = [] : (tensor<f32>) -> tensor<5x32xf32>
    %v210 = stablehlo.slice %v207 [0:5, 0:1] : (tensor<5x4xf32>) -> tensor<5x1xf32>
    %v211 = stablehlo.reshape %v210 : (tensor<5x1xf32>) -> tensor<5xf32>
    %v213 = stablehlo.constant dense<0.000000000e+00> : tensor<f32>
    %v212 = stablehlo.reduce(%v211 init: %v213) applies stablehlo.maximum across dimensions = [0] : (tensor<5xf32>, tensor<f32>) -> tensor<f32>
    %v214 = stablehlo.constant dense<0.000000000e+00> : tensor<f32>
    %v215 = stablehlo.compare GT, %v212, %v214, FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
    %v226 = "stablehlo.if"(%v215) ({
      %v216 = stablehlo.dot_general %v180, %v22, contracting_dims = [1] x [1] : (tensor<5x32xf32>, tensor<48x32xf32>) -> tensor<5x48xf32>
      %v217 = stablehlo.dot_general %v180, %v24, contracting_dims = [1] x [1] : (tensor<5x32xf32>, tensor<48x32xf32>) -> tensor<5x48xf32>
      %v218 = stablehlo.logistic %v216 : tensor<5x48xf32>
      %v219 = stablehlo.multiply %v216, %v218 : tensor<5x48xf32>
      %v220 = stablehlo.multiply %v219, %v217 : tensor<5x48xf32>
      %v221 = stablehlo.dot_general %v220, %v26, contracting_dims = [1] x [1] : (tensor<5x48xf32>, tensor<32x48xf32>) -> tensor<5x32xf32>
      %v222 = stablehlo.broadcast_in_dim %v211, dims = [0] : (tensor<5xf32>) -> tensor<5x32xf32>
      %v223 = stablehlo.multiply %v221, %v222 : tensor<5x32xf32>
      "stablehlo.return"(%v223) : (tensor<5x32xf32>) -> ()
    }, {
      %v224 = stablehlo.constant dense<0.000000000e+00> : tensor<f32>
      %v225 = stablehlo.broadcast_in_dim %v224, dims = [] : (tensor<f32>) -> tensor<5x32xf32>
      "stablehlo.return"(%v225) : (tensor<5x32xf32>) -> ()
    }) : (tensor<i1>) -> tensor<5x32xf32>
    %v227 = stablehlo.add %v209, %v226 : tensor<5x32xf32>
    %v228 = stablehlo.slice %v207 [0:5, 1:2] : (tensor<5x4xf32>) -> tensor<5x1xf32>
    %v229 = stablehlo.reshape %v228 : (tensor<5x1xf32>) -> tensor<5xf32>
    %v231 = stablehlo.constant dense<0.000000000e+00> : tensor<f32>
    %v230 = stablehlo.reduce(%v229 init: %v231) applies stablehlo.maximum across dimensions = [0] : (tensor<5xf32>, tensor<f32>) -> tensor<f32>
    %v232 = stablehlo.constant dense<0.000000000e+00> : tensor<f32>
    %v233 = stablehlo.compare GT, %v230, %v232, FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
    %v244 = "stablehlo.if"(%v233) ({
      %v234 = stablehlo.dot_general %v180, %v28, contracting_dims = [1] x [1] : (tensor<5x32xf32>, tensor<48x32xf32>) -> tensor<5x48xf32>
      %v235 = stablehlo.dot_general %v180, %v30, contracting_dims = [1] x [1] : (tensor<5x32xf32>, tensor<48x32xf32>) -> tensor<5x48xf32>
      %v236 = stablehlo.logistic %v234 : tensor<5x48xf32>
      %v237 = stablehlo.multiply %v234, %v236 : tensor<5x48xf32>
      %v238 = stablehlo.multiply %v237, %v235 : tensor<5x48xf32>
      %v239 = stablehlo.dot_general %v238, %v32, contracting_dims = [1] x [1] : (tensor<5x48xf32>, tensor<32x48xf32>) -> tensor<5x32xf32>
      %v240 = stablehlo.broadcast_in_dim %v229, dims = [0] : (tensor<5xf32>) -> tensor<5x32xf32>
      %v241 = stablehlo.multiply %v239, %v240 : tensor<5x32xf32>
      "stablehlo.return"(%v241) : (tensor<5x32xf32>) -> ()
    }, {
      %v242 = stablehlo.constant dense<0.000000000e+00> : tensor<f32>
      %v243 = stablehlo.broadcast_in_dim %v242, dims = [] : (tensor<f32>) -> tensor<5x32xf32>
      "stablehlo.return"(%v243) : (tensor<5x32xf32>) -> ()
    }) : (tensor<i1>) -> tensor<5x32xf32>
    %v245 = stablehlo.add %v227, %v244 : tensor<5x32xf32>
    %v246 = stablehlo.slice %v207 [0:5, 2:3] : (tensor<5x4xf32>) -> tensor<5x1xf32>
    %v247 = stablehlo.reshape %v246 : (tensor<5x1xf32>) -> tensor<5xf32>
    %v249 = stablehlo.constant dense<0.000000000e+00> : tensor<f32>
    %v248 = stablehlo.reduce(%v247 init: %v249) applies stablehlo.maximum across dimensions = [0] : (tensor<5xf32>, tensor<f32>) -> tensor<f32>
    %v250 = stablehlo.constant dense<0.000000000e+00> : tensor<f32>
    %v251 = stablehlo.compare GT, %v248, %v250, FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
    %v262 = "stablehlo.if"(%v251) ({
      %v252 = stablehlo.dot_general %v180, %v34, contracting_dims = [1] x [1] : (tensor<5x32xf32>, tensor<48x32xf32>) -> tensor<5x48xf32>
      %v253 = stablehlo.dot_general %v180, %v36, contracting_dims = [1] x [1] : (tensor<5x32xf32>, tensor<48x32xf32>) -> tensor<5x48xf32>
      %v254 = stablehlo.logistic %v252 : tensor<5x48xf32>
      %v255 = stablehlo.multiply %v252, %v254 : tensor<5x48xf32>
      %v256 = stablehlo.multiply %v255, %v253 : tensor<5x48xf32>
      %v257 = stablehlo.dot_general %v256, %v38, contracting_dims = [1] x [1] : (tensor<5x48xf32>, tensor<32x48xf32>) -> tensor<5x32xf32>
      %v258 = stablehlo.broadcast_in_dim %v247, dims = [0] : (tensor<5xf32>) -> tensor<5x32xf32>
      %v259 = stablehlo.multiply %v257, %v258 : tensor<5x32xf32>
      "stablehlo.return"(%v259) : (tensor<5x32xf32>) -> ()
    }, {
      %v260 = stablehlo.constant dense<0.000000000e+00> : tensor<f32>
      %v261 = stablehlo.broadcast_in_dim %v260, dims = [] : (tensor<f32>) -> tensor<5x32xf32>
      "stablehlo.return"(%v261) : (tensor<5x32xf32>) -> ()
    }) : (tensor<i1>) -> tensor<5x32xf32>
    %v263 = stablehlo.add %v245, %v262 : tensor<5x32xf32>
    %v264 = stablehlo.slice %v207 [0:5, 3:4] : (tensor<5x4xf32>) -> tensor<5x1xf32>
    %v265 = stablehlo.reshape %v264 : (tensor<5x1xf32>) -> tensor<5xf32>
    %v267 = stablehlo.constant dense<0.000000000e+00> : tensor<f32>
    %v266 = stablehlo.reduce(%v265 init: %v267) applies stablehlo.maximum across dimensions = [0] : (tensor<5xf32>, tensor<f32>) -> tensor<f32>
    %v268 = stablehlo.constant dense<0.000000000e+00> : tensor<f32>
    %v269 = stablehlo.compare GT, %v266, %v268, FLOAT : (tensor<f32>, tensor<f32>) -> tensor<i1>
    %v280 = "stablehlo.if"(%v269) ({
      %v270 = stablehlo.dot_general %v180, %v40, contracting_dims = [1] x [1] : (tensor<5x32xf32>, tensor<48x32xf32>) -> tensor<5x48xf32>
      %v271 = stablehlo.dot_general %v180, %v42, contracting_dims = [1] x [1] : (tensor<5x32xf32>, tensor<48x32xf32>) -> tensor<5x48xf32>
      %v272 = stablehlo.logistic %v270 : tensor<5x48xf32>
      %v273 = stablehlo.multiply %v270, %v272 : tensor<5x48xf32>
      %v274 = stablehlo.multiply %v273, %v271 : tensor<5x48xf32>
      %v275 = stablehlo.dot_general %v274, %v44, contracting_dims = [1] x [1] : (tensor<5x48xf32>, tensor<32x48xf32>) -> tensor<5x32xf32>
      %v276 = stablehlo.broadcast_in_dim %v265, dims = [0] : (tensor<5xf32>) -> tensor<5x32xf32>
      %v277 = stablehlo.multiply %v275, %v276 : tensor<5x32xf32>
      "stablehlo.return"(%v277) : (tensor<5x32xf32>) -> ()
    }, {
      %v278 = stablehlo.constant dense<0.000000000e+00> : tensor<f32>
      %v279 = stablehlo.broadcast_in_dim %v278, dims = [] : (tensor<f32>) -> tensor<5x32xf32>
      "stablehlo.return"(%v279) : (tensor<5x32xf32>) -> ()
    }) : (tensor<i1>) -> tensor<5x32xf32>
    %v281 = stablehlo.add %v263, %v280 : tensor<5x32xf32>
    %v282 = stablehlo.convert %v281 : (tensor<5x32xf32>) -> tensor<5x32xbf16>
    %v283 = stablehlo.convert %v282 : (tensor<5x32xbf16>) -> tensor<5x32xf32>
    %v284 = stablehlo.add %v164, %v283 : tensor<5x32xf32>
    %v285 = stablehlo.convert %v284 : (tensor<5x32xf32>) -> tensor<5x32xbf16>
    %v286 = stablehlo.convert %v285 : (tensor<5x32xbf16>) -> tensor<5x32xf32>
    return %v286, %v114, %v121 : tensor<5x32xf32>, tensor<2x8x5xf32>, tensor<2x5x8xf32>
  }
}
